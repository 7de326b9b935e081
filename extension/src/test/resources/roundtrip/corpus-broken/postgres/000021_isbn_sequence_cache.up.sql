ALTER SEQUENCE isbn_batch_seq CACHE 50;
