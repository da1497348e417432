-- Bill lines: what each charge, refund and pay-per-use deduction billed, per resource. Amounts of the resource keep
-- 8 decimals (official price, discount, payable amount); what paid it is to the cent and sums, per entry, to the
-- movement of the ledger that paid it. Every bill view (monthly sums, fee records, resource records, amortised
-- costs, cost analysis) is a query over these lines.
CREATE TABLE bill_line (
    line_id               BIGSERIAL     PRIMARY KEY,
    customer_id           VARCHAR(64)   NOT NULL,
    payer_customer_id     VARCHAR(64)   NOT NULL,
    entry_id              BIGINT        REFERENCES journal_entry,
    bill_cycle            CHAR(7)       NOT NULL,
    bill_date             DATE          NOT NULL,
    trade_id              VARCHAR(64)   NOT NULL,
    trade_time            TIMESTAMPTZ   NOT NULL,
    -- 1 new purchase, 2 renewal, 3 change, 4 refund (unsubscribe), 5 usage, 8 auto-renewal, 9 compensation,
    -- 16 adjustment, 20 refund (change), 24 refund (to pay-per-use)
    bill_type             SMALLINT      NOT NULL,
    -- 1 yearly/monthly, 3 pay-per-use
    charging_mode         SMALLINT      NOT NULL CHECK (charging_mode IN (1, 3, 10, 11)),
    service_type_code     VARCHAR(64)   NOT NULL,
    resource_type_code    VARCHAR(64)   NOT NULL,
    region_code           VARCHAR(64)   NOT NULL,
    resource_id           VARCHAR(128),
    resource_name         VARCHAR(256),
    product_id            VARCHAR(64),
    product_spec_desc     VARCHAR(256),
    enterprise_project_id VARCHAR(64),
    order_id              VARCHAR(64),
    -- 19 year, 20 month, 24 day, 25 hour, 5 one-off
    period_type           SMALLINT,
    usage_type_code       VARCHAR(64),
    usage                 NUMERIC(24,8),
    usage_measure_id      INT,
    free_resource_usage   NUMERIC(24,8) NOT NULL DEFAULT 0,
    unit_price            NUMERIC(24,10),
    unit                  VARCHAR(64),
    effective_time        TIMESTAMPTZ,
    expire_time           TIMESTAMPTZ,
    official_amount       NUMERIC(24,8) NOT NULL,
    discount_amount       NUMERIC(24,8) NOT NULL,
    amount                NUMERIC(24,8) NOT NULL,
    cash_amount           NUMERIC(20,2) NOT NULL DEFAULT 0,
    credit_amount         NUMERIC(20,2) NOT NULL DEFAULT 0,
    coupon_amount         NUMERIC(20,2) NOT NULL DEFAULT 0,
    stored_card_amount    NUMERIC(20,2) NOT NULL DEFAULT 0,
    debt_amount           NUMERIC(20,2) NOT NULL DEFAULT 0,
    -- the part of debt_amount not yet repaid
    debt_outstanding      NUMERIC(20,2) NOT NULL DEFAULT 0,
    CONSTRAINT payable_is_official_minus_discount CHECK (amount = official_amount - discount_amount),
    CONSTRAINT outstanding_within_debt CHECK (debt_outstanding >= 0 AND debt_outstanding <= greatest(debt_amount, 0)),
    CONSTRAINT paid_to_the_cent CHECK (
        abs(amount - (cash_amount + credit_amount + coupon_amount + stored_card_amount + debt_amount)) < 1)
);
CREATE INDEX bill_line_by_customer_cycle ON bill_line (customer_id, bill_cycle, line_id);
CREATE INDEX bill_line_by_trade ON bill_line (trade_id);
CREATE INDEX bill_line_unsettled ON bill_line (payer_customer_id, line_id) WHERE debt_outstanding > 0;

-- Bill lines are history: only the unsettled part of a debt changes, as it is repaid.
CREATE FUNCTION guard_bill_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'debt_outstanding') <> (to_jsonb(OLD) - 'debt_outstanding') THEN
        RAISE EXCEPTION 'bill lines are history: only debt_outstanding changes (% on line %)', TG_OP, OLD.line_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bill_line_history BEFORE UPDATE OR DELETE ON bill_line
    FOR EACH ROW EXECUTE FUNCTION guard_bill_line();
