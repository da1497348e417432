-- Customer orders (CustomerOrderV2 of the SDK). Amounts are to the cent; times are UTC.
CREATE TABLE customer_order (
    order_id              VARCHAR(64)   PRIMARY KEY,
    customer_id           VARCHAR(64)   NOT NULL,
    -- the enterprise master that pays this order for its sub-account (agent pay), if any
    payer_customer_id     VARCHAR(64),
    service_type_code     VARCHAR(64)   NOT NULL,
    service_type_name     VARCHAR(128)  NOT NULL,
    source_type           SMALLINT      NOT NULL CHECK (source_type BETWEEN 1 AND 8),
    status                SMALLINT      NOT NULL CHECK (status BETWEEN 1 AND 13),
    order_type            SMALLINT      NOT NULL,
    official_amount       NUMERIC(20,2) NOT NULL CHECK (official_amount >= 0),
    amount_after_discount NUMERIC(20,2) NOT NULL CHECK (amount_after_discount >= 0),
    coupon_amount         NUMERIC(20,2) NOT NULL DEFAULT 0,
    flexipurchase_coupon_amount NUMERIC(20,2) NOT NULL DEFAULT 0,
    stored_card_amount    NUMERIC(20,2) NOT NULL DEFAULT 0,
    commission_amount     NUMERIC(20,2) NOT NULL DEFAULT 0,
    consumed_amount       NUMERIC(20,2) NOT NULL DEFAULT 0,
    currency              CHAR(3)       NOT NULL DEFAULT 'CNY',
    contract_id           VARCHAR(64),
    user_name             VARCHAR(128),
    enterprise_project_id VARCHAR(256),
    enterprise_project_name VARCHAR(256),
    create_time           TIMESTAMPTZ   NOT NULL,
    payment_time          TIMESTAMPTZ
);
CREATE INDEX customer_order_by_customer ON customer_order (customer_id, create_time DESC, order_id);
CREATE INDEX customer_order_by_payer ON customer_order (payer_customer_id, create_time DESC, order_id)
    WHERE payer_customer_id IS NOT NULL;

CREATE TABLE order_discount (
    order_id        VARCHAR(64)   NOT NULL REFERENCES customer_order,
    discount_type   VARCHAR(16)   NOT NULL,
    discount_amount NUMERIC(20,2) NOT NULL CHECK (discount_amount >= 0),
    PRIMARY KEY (order_id, discount_type)
);
