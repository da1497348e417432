-- What a resource renews by itself (its own period), and the business day auto-renewal last tried to pay for it:
-- auto-renewal tries once a day, from the deduction day until expiry.
ALTER TABLE subscription ADD COLUMN period_type SMALLINT NOT NULL DEFAULT 2 CHECK (period_type IN (2, 3));
ALTER TABLE subscription ADD COLUMN period_num INT NOT NULL DEFAULT 1 CHECK (period_num > 0);
ALTER TABLE subscription ADD COLUMN auto_renew_tried_on DATE;
CREATE INDEX subscription_auto_renew ON subscription (expire_time) WHERE expire_policy = 3 AND status = 2;
-- open orders of a resource (pending payment or being paid) are found through their lines
CREATE INDEX customer_order_open ON customer_order (order_id) WHERE status IN (3, 6);
