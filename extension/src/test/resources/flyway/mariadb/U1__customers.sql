DROP TABLE ${prefix}customers;
