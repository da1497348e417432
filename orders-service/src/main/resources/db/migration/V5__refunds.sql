-- A paid order line is refunded at most once: by the unsubscription that refunds its unused time.
CREATE TABLE line_refund (
    order_id        VARCHAR(64)   NOT NULL,
    line_id         VARCHAR(64)   NOT NULL,
    refund_order_id VARCHAR(64)   NOT NULL REFERENCES customer_order,
    amount          NUMERIC(20,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (order_id, line_id),
    FOREIGN KEY (order_id, line_id) REFERENCES order_line
);
CREATE INDEX line_refund_by_refund ON line_refund (refund_order_id);
