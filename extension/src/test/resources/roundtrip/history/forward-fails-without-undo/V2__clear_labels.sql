UPDATE shelf SET label = NULL;
