-- Orders made by the platform (new purchases, renewals, unsubscriptions), their line items, the discounts billing
-- offered for them, their payments, and the yearly/monthly resources they provision.
ALTER TABLE customer_order ADD COLUMN pending_payment_end_time TIMESTAMPTZ;
-- the provider's idempotency key of a new-purchase order
ALTER TABLE customer_order ADD COLUMN creation_key VARCHAR(128) UNIQUE;
ALTER TABLE customer_order ADD COLUMN creation_hash CHAR(64);
-- the order a refund order refunds
ALTER TABLE customer_order ADD COLUMN base_order_id VARCHAR(64) REFERENCES customer_order;

-- One line per resource: what it buys or renews (period) or unsubscribes (refund), priced to the cent.
CREATE TABLE order_line (
    order_id              VARCHAR(64)   NOT NULL REFERENCES customer_order,
    line_id               VARCHAR(64)   NOT NULL,
    resource_id           VARCHAR(64)   NOT NULL,
    main_resource_id      VARCHAR(64),
    service_type_code     VARCHAR(64)   NOT NULL,
    service_type_name     VARCHAR(128)  NOT NULL,
    resource_type_code    VARCHAR(64)   NOT NULL,
    resource_spec_code    VARCHAR(128)  NOT NULL,
    region_code           VARCHAR(64)   NOT NULL,
    product_id            VARCHAR(64)   NOT NULL,
    product_spec_desc     VARCHAR(256)  NOT NULL,
    resource_name         VARCHAR(256),
    resource_size         INT,
    size_measure_id       INT,
    -- 2 month, 3 year (CustomerOrder line items); null for an unsubscription
    period_type           SMALLINT      CHECK (period_type IN (2, 3)),
    period_num            INT           CHECK (period_num > 0),
    subscription_num      INT           NOT NULL DEFAULT 1 CHECK (subscription_num > 0),
    max_period_months     INT           NOT NULL DEFAULT 36,
    official_amount       NUMERIC(20,2) NOT NULL,
    -- the discount billing offered as best; a payment may choose another offer or none
    discount_amount       NUMERIC(20,2) NOT NULL DEFAULT 0,
    amount_after_discount NUMERIC(20,2) NOT NULL,
    effective_time        TIMESTAMPTZ,
    expire_time           TIMESTAMPTZ,
    PRIMARY KEY (order_id, line_id),
    CONSTRAINT line_discount CHECK (amount_after_discount = official_amount - discount_amount)
);
CREATE INDEX order_line_by_resource ON order_line (resource_id);

-- The discounts billing offers for each line of a pending order (ListOrderDiscounts; PayOrders discount_infos).
CREATE TABLE order_discount_offer (
    order_id        VARCHAR(64)   NOT NULL REFERENCES customer_order,
    line_id         VARCHAR(64)   NOT NULL,
    discount_id     VARCHAR(64)   NOT NULL,
    discount_type   INT           NOT NULL,
    discount_name   VARCHAR(256),
    discount_amount NUMERIC(20,2) NOT NULL CHECK (discount_amount >= 0),
    PRIMARY KEY (order_id, line_id, discount_id)
);

-- A payment is recorded before the ledger is charged; its attempt number makes the ledger's idempotency key, and a
-- new attempt starts only after the previous one was refused (so it charged nothing). The reconciler finishes
-- attempts whose outcome a crash or an outage left unknown.
CREATE TABLE order_payment (
    order_id        VARCHAR(64)   NOT NULL REFERENCES customer_order,
    attempt         INT           NOT NULL CHECK (attempt > 0),
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    coupon_ids      TEXT[]        NOT NULL,
    discount_id     VARCHAR(64),
    amount          NUMERIC(20,2) NOT NULL CHECK (amount >= 0),
    request_hash    CHAR(64)      NOT NULL,
    result          JSONB,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    finished_at     TIMESTAMPTZ,
    PRIMARY KEY (order_id, attempt),
    CONSTRAINT finished_with_result CHECK ((status = 'PENDING') = (finished_at IS NULL))
);
-- at most one payment of an order is in flight or done
CREATE UNIQUE INDEX one_live_payment ON order_payment (order_id) WHERE status IN ('PENDING', 'SUCCEEDED');
CREATE INDEX order_payment_due ON order_payment (next_attempt_at) WHERE status = 'PENDING';

-- Yearly/monthly resources (OrderInstanceV2). A subordinate resource (a server's disk) follows its main resource.
CREATE TABLE subscription (
    resource_id        VARCHAR(64)   PRIMARY KEY,
    customer_id        VARCHAR(64)   NOT NULL,
    payer_customer_id  VARCHAR(64),
    main_resource_id   VARCHAR(64)   REFERENCES subscription,
    order_id           VARCHAR(64)   NOT NULL REFERENCES customer_order,
    service_type_code  VARCHAR(64)   NOT NULL,
    service_type_name  VARCHAR(128)  NOT NULL,
    resource_type_code VARCHAR(64)   NOT NULL,
    resource_spec_code VARCHAR(128)  NOT NULL,
    region_code        VARCHAR(64)   NOT NULL,
    product_id         VARCHAR(64)   NOT NULL,
    product_spec_desc  VARCHAR(256)  NOT NULL,
    resource_name      VARCHAR(256),
    resource_size      INT,
    size_measure_id    INT,
    -- 2 in use, 3 closed (deleted), 4 frozen, 5 expired (in its retention period)
    status             SMALLINT      NOT NULL CHECK (status IN (2, 3, 4, 5)),
    effective_time     TIMESTAMPTZ   NOT NULL,
    expire_time        TIMESTAMPTZ   NOT NULL CHECK (expire_time > effective_time),
    -- 0 grace/retention, 1 to pay-per-use, 2 delete, 3 auto-renew, 4 freeze, 5 delete from retention
    expire_policy      SMALLINT      NOT NULL DEFAULT 0 CHECK (expire_policy BETWEEN 0 AND 5),
    -- with expire_policy 3: renewals left (null: unlimited)
    auto_renew_left    INT           CHECK (auto_renew_left >= 0),
    bought_months      INT           NOT NULL CHECK (bought_months > 0),
    max_period_months  INT           NOT NULL,
    retention_end_time TIMESTAMPTZ,
    update_time        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX subscription_by_customer ON subscription (customer_id, expire_time, resource_id);
CREATE INDEX subscription_by_main ON subscription (main_resource_id) WHERE main_resource_id IS NOT NULL;
CREATE INDEX subscription_by_order ON subscription (order_id);
CREATE INDEX subscription_lifecycle ON subscription (expire_time) WHERE status IN (2, 5);

-- A customer's renewal settings (SetResourcesRenewConfig).
CREATE TABLE renew_config (
    customer_id      VARCHAR(64) PRIMARY KEY,
    -- auto-renewal charges this many days before expiry (2-7)
    deduction_days   SMALLINT    CHECK (deduction_days BETWEEN 2 AND 7),
    -- renewals end on this day of the month (1-28, or -1 for its last day)
    unified_expire_day SMALLINT  CHECK (unified_expire_day = -1 OR unified_expire_day BETWEEN 1 AND 28),
    update_time      TIMESTAMPTZ NOT NULL
);
