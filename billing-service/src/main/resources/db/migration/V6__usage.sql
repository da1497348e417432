-- Metering records of pay-per-use resources. A record id is counted once, however often it is sent. Records are
-- rated when their hour (or, for bandwidth samples, their day) has closed: resource packages are used first, the
-- rest is priced and charged through the ledger, and rated_trade_id names the charge.
CREATE TABLE usage_record (
    record_id             VARCHAR(128)  PRIMARY KEY,
    customer_id           VARCHAR(64)   NOT NULL REFERENCES customer,
    resource_id           VARCHAR(128)  NOT NULL,
    resource_name         VARCHAR(256),
    product_id            VARCHAR(64)   NOT NULL REFERENCES product,
    service_type_code     VARCHAR(64)   NOT NULL,
    resource_type_code    VARCHAR(64)   NOT NULL,
    region_code           VARCHAR(64)   NOT NULL,
    resource_size         INT,
    size_measure_id       INT,
    usage_type_code       VARCHAR(64)   NOT NULL,
    usage                 NUMERIC(24,8) NOT NULL CHECK (usage >= 0),
    usage_measure_id      INT           NOT NULL,
    begin_time            TIMESTAMPTZ   NOT NULL,
    end_time              TIMESTAMPTZ   NOT NULL CHECK (end_time >= begin_time),
    enterprise_project_id VARCHAR(64),
    received_at           TIMESTAMPTZ   NOT NULL,
    rated_trade_id        VARCHAR(64)
);
CREATE INDEX usage_record_unrated ON usage_record (end_time) WHERE rated_trade_id IS NULL;
CREATE INDEX usage_record_by_resource ON usage_record (customer_id, resource_type_code, usage_type_code, begin_time);

-- Resource packages (free resources): quotas of usage that pay-per-use consumption uses before it is charged.
-- quota_reuse_mode 1 resets the quota every natural month; 2 never resets.
CREATE TABLE free_resource_package (
    package_id            VARCHAR(64)  PRIMARY KEY,
    customer_id           VARCHAR(64)  NOT NULL REFERENCES customer,
    order_id              VARCHAR(64),
    product_id            VARCHAR(64)  NOT NULL,
    product_name          VARCHAR(256) NOT NULL,
    service_type_code     VARCHAR(64)  NOT NULL REFERENCES service_type,
    region_code           VARCHAR(64)  NOT NULL REFERENCES region,
    enterprise_project_id VARCHAR(64),
    effective_time        TIMESTAMPTZ  NOT NULL,
    expire_time           TIMESTAMPTZ  NOT NULL,
    quota_reuse_mode      SMALLINT     NOT NULL CHECK (quota_reuse_mode IN (1, 2)),
    -- 0 bought in an order, 1 given
    source_type           SMALLINT     NOT NULL CHECK (source_type IN (0, 1)),
    unsubscribed_at       TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL,
    CHECK (expire_time > effective_time)
);
CREATE INDEX free_resource_package_by_customer ON free_resource_package (customer_id, effective_time);

CREATE TABLE free_resource (
    free_resource_id   VARCHAR(64)   PRIMARY KEY,
    package_id         VARCHAR(64)   NOT NULL REFERENCES free_resource_package,
    resource_type_code VARCHAR(64)   NOT NULL,
    usage_type_code    VARCHAR(64)   NOT NULL,
    amount             NUMERIC(24,8) NOT NULL CHECK (amount > 0),
    measure_id         INT           NOT NULL REFERENCES measure_unit,
    used               NUMERIC(24,8) NOT NULL DEFAULT 0,
    -- the month (yyyy-MM, UTC+8) `used` counts for, for quotas that reset monthly
    used_cycle         CHAR(7),
    CONSTRAINT used_within_quota CHECK (used >= 0 AND used <= amount)
);
CREATE INDEX free_resource_by_package ON free_resource (package_id);

CREATE TABLE free_resource_usage (
    usage_id         BIGSERIAL     PRIMARY KEY,
    free_resource_id VARCHAR(64)   NOT NULL REFERENCES free_resource,
    customer_id      VARCHAR(64)   NOT NULL,
    resource_id      VARCHAR(128)  NOT NULL,
    resource_type_code VARCHAR(64) NOT NULL,
    usage_type_code  VARCHAR(64)   NOT NULL,
    deduct_time      TIMESTAMPTZ   NOT NULL,
    available_before NUMERIC(24,8) NOT NULL,
    used_amount      NUMERIC(24,8) NOT NULL CHECK (used_amount > 0),
    remaining_after  NUMERIC(24,8) NOT NULL,
    trade_id         VARCHAR(64)   NOT NULL
);
CREATE INDEX free_resource_usage_by_customer ON free_resource_usage (customer_id, deduct_time);
