-- Discounts applied when pricing. A commercial discount (商务折扣) is granted to one customer; a promotion
-- (促销折扣) is open to every customer. Each prices a product at discount_rate of its official price; one discount
-- applies per product, never two stacked.

CREATE TABLE commercial_discount (
    discount_id       VARCHAR(64)  PRIMARY KEY,
    customer_id       VARCHAR(64)  NOT NULL REFERENCES customer,
    name              VARCHAR(128) NOT NULL,
    -- null: every service
    service_type_code VARCHAR(64)  REFERENCES service_type,
    -- 1 yearly/monthly, 3 pay-per-use; null: both
    charging_mode     SMALLINT     CHECK (charging_mode IN (1, 3)),
    discount_rate     NUMERIC(5,4) NOT NULL CHECK (discount_rate > 0 AND discount_rate <= 1),
    -- 605 commercial discount granted by the cloud (the discount types of the rating API)
    discount_type     INT          NOT NULL DEFAULT 605,
    valid_from        TIMESTAMPTZ  NOT NULL,
    valid_to          TIMESTAMPTZ  NOT NULL,
    CHECK (valid_to > valid_from)
);
CREATE INDEX commercial_discount_by_customer ON commercial_discount (customer_id);

CREATE TABLE promotion (
    promotion_id      VARCHAR(64)  PRIMARY KEY,
    name_zh           VARCHAR(128) NOT NULL,
    name_en           VARCHAR(128) NOT NULL,
    service_type_code VARCHAR(64)  REFERENCES service_type,
    -- 2 monthly, 3 yearly; null: both
    period_type       SMALLINT     CHECK (period_type IN (2, 3)),
    min_period_num    INT          NOT NULL DEFAULT 1 CHECK (min_period_num >= 1),
    discount_rate     NUMERIC(5,4) NOT NULL CHECK (discount_rate > 0 AND discount_rate <= 1),
    valid_from        TIMESTAMPTZ  NOT NULL,
    valid_to          TIMESTAMPTZ  NOT NULL,
    CHECK (valid_to > valid_from)
);
INSERT INTO promotion VALUES
    ('PROMO-ECS-YEARLY', '弹性云服务器包年特惠', 'ECS yearly offer', 'hws.service.type.ec2', 3, 1, 0.8500,
     '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
    ('PROMO-EVS-3MONTHS', '云硬盘包月3个月起9折', 'EVS 10% off from 3 months', 'hws.service.type.ebs', 2, 3, 0.9000,
     '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
