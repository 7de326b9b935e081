UPDATE shelf SET label = UPPER(label);
