CREATE TABLE customer (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    email       VARCHAR(320) NOT NULL UNIQUE,
    full_name   VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE customer_order (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    status      VARCHAR(20) NOT NULL DEFAULT 'new',
    ordered_at  DATETIME NOT NULL,
    total       DECIMAL(12, 2) NOT NULL,
    CONSTRAINT customer_order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE order_item (
    order_id    BIGINT NOT NULL,
    book_id     BIGINT NOT NULL,
    quantity    INT NOT NULL,
    unit_price  DECIMAL(10, 2) NOT NULL,
    PRIMARY KEY (order_id, book_id),
    CONSTRAINT order_item_order_fk FOREIGN KEY (order_id) REFERENCES customer_order (id) ON DELETE CASCADE,
    CONSTRAINT order_item_book_fk FOREIGN KEY (book_id) REFERENCES book (id)
);

-- Keeps an order's total equal to the sum of its items; the semicolons inside BEGIN … END must not split it.
CREATE FUNCTION order_total(p_order BIGINT) RETURNS DECIMAL(12, 2)
READS SQL DATA
BEGIN
    DECLARE result DECIMAL(12, 2);
    SELECT COALESCE(SUM(quantity * unit_price), 0) INTO result FROM order_item WHERE order_id = p_order;
    RETURN result;
END;
