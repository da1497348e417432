-- Every kind of value a customer holds is a ledger account with a balance that never goes below zero:
--   CASH    the cash balance (BALANCE_TYPE_DEBIT)
--   CREDIT  the credit still available (BALANCE_TYPE_CREDIT); credit_limit is the credit granted, so the credit in
--           use is credit_limit - balance. Granting credit is a movement from the system credit line.
--   COUPON  the remaining value of one cash coupon
--   CARD    the remaining value of one stored-value card
--   DEBT    arrears: pay-per-use fees that nothing could pay; never above zero, repaid first by recharges
ALTER TABLE ledger_account ADD COLUMN instrument_id VARCHAR(64);
ALTER TABLE ledger_account DROP CONSTRAINT one_account_per_type;
ALTER TABLE ledger_account DROP CONSTRAINT cash_never_negative;
ALTER TABLE ledger_account DROP CONSTRAINT credit_within_limit;
ALTER TABLE ledger_account ADD CONSTRAINT customer_value_never_negative
    CHECK (account_type NOT IN ('CASH', 'CREDIT', 'COUPON', 'CARD') OR balance >= 0);
ALTER TABLE ledger_account ADD CONSTRAINT debt_never_positive CHECK (account_type <> 'DEBT' OR balance <= 0);
ALTER TABLE ledger_account ADD CONSTRAINT instruments_have_an_id
    CHECK ((account_type IN ('COUPON', 'CARD')) = (instrument_id IS NOT NULL));
CREATE UNIQUE INDEX one_account_per_type ON ledger_account (customer_id, account_type)
    WHERE instrument_id IS NULL AND customer_id IS NOT NULL;
CREATE UNIQUE INDEX one_account_per_instrument ON ledger_account (instrument_id) WHERE instrument_id IS NOT NULL;

INSERT INTO ledger_account (account_id, customer_id, account_type, balance, created_at) VALUES
    ('SYSTEM-CREDIT-LINE', NULL, 'CREDIT_LINE', NULL, now()),
    ('SYSTEM-PROMOTION', NULL, 'PROMOTION', NULL, now()),
    ('SYSTEM-CARD-SALES', NULL, 'CARD_SALES', NULL, now());

-- An entry without lines records an idempotency key whose request moved nothing (a charge of 0.00); one line alone
-- never balances.
CREATE OR REPLACE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lines INT;
    total NUMERIC;
BEGIN
    SELECT count(*), coalesce(sum(amount), 0) INTO lines, total FROM journal_line WHERE entry_id = NEW.entry_id;
    IF lines = 1 OR total <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance (% lines, sum %)', NEW.entry_id, lines, total
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;

-- What kind of movement an entry is, for account change records (trade_detail_type), and the service it paid.
ALTER TABLE journal_entry ADD COLUMN detail_type VARCHAR(32);
ALTER TABLE journal_entry ADD COLUMN service_type_code VARCHAR(64);
ALTER TABLE journal_entry ADD COLUMN payment_channel_id SMALLINT;
-- The charge a refund gives back (its trade id); refunds of one charge never exceed what it took.
ALTER TABLE journal_entry ADD COLUMN refunds_trade_id VARCHAR(64);
CREATE INDEX journal_entry_by_refunded_trade ON journal_entry (refunds_trade_id) WHERE refunds_trade_id IS NOT NULL;
CREATE INDEX journal_entry_by_customer ON journal_entry (customer_id, created_at);

-- Existing customers get their arrears account, and their credit becomes available credit granted by the line.
INSERT INTO ledger_account (account_id, customer_id, account_type, balance, created_at)
SELECT md5('debt|' || customer_id), customer_id, 'DEBT', 0, now() FROM customer;
DO $$
DECLARE
    credit RECORD;
    entry BIGINT;
BEGIN
    FOR credit IN SELECT account_id, customer_id, credit_limit FROM ledger_account
                   WHERE account_type = 'CREDIT' AND credit_limit > 0 AND balance = 0 LOOP
        INSERT INTO journal_entry (idempotency_key, content_hash, trade_type, trade_id, customer_id, detail_type,
                                   created_at)
        VALUES ('credit-grant:migration:' || credit.account_id, repeat('0', 64), 'ADJUST',
                'credit-grant-' || credit.account_id, credit.customer_id, 'CREDIT_GRANT', now())
        RETURNING entry_id INTO entry;
        INSERT INTO journal_line (entry_id, account_id, amount, created_at) VALUES
            (entry, credit.account_id, credit.credit_limit, now()),
            (entry, 'SYSTEM-CREDIT-LINE', -credit.credit_limit, now());
    END LOOP;
END $$;

-- Coupons: cash coupons (1), discount coupons (2), product coupons (3) and flexi-purchase coupons (4). Coupons
-- with a value keep it in their own COUPON account; a discount coupon takes discount_rate off, at most face_value.
CREATE TABLE coupon (
    coupon_id          VARCHAR(64)   PRIMARY KEY,
    customer_id        VARCHAR(64)   NOT NULL REFERENCES customer,
    coupon_code        VARCHAR(64),
    coupon_type        SMALLINT      NOT NULL CHECK (coupon_type IN (1, 2, 3, 4)),
    face_value         NUMERIC(20,2) NOT NULL CHECK (face_value > 0),
    discount_rate      NUMERIC(5,4)  CHECK (discount_rate > 0 AND discount_rate < 1),
    account_id         VARCHAR(32)   REFERENCES ledger_account,
    promotion_plan_id  VARCHAR(64),
    plan_name          VARCHAR(128),
    plan_desc          VARCHAR(256),
    -- empty: usable for every service
    service_type_codes TEXT[]        NOT NULL DEFAULT '{}',
    min_order_amount   NUMERIC(20,2),
    valid_time         TIMESTAMPTZ   NOT NULL,
    expire_time        TIMESTAMPTZ   NOT NULL,
    -- a coupon given by an enterprise master to a sub-account is split from the master's coupon
    source_id          VARCHAR(64)   REFERENCES coupon,
    used_by_trade_id   VARCHAR(64),
    reclaimed_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ   NOT NULL,
    CHECK (expire_time > valid_time),
    CONSTRAINT value_coupons_have_an_account CHECK ((coupon_type = 2) = (account_id IS NULL)),
    CONSTRAINT discount_coupons_have_a_rate CHECK ((coupon_type = 2) = (discount_rate IS NOT NULL))
);
CREATE INDEX coupon_by_customer ON coupon (customer_id, created_at);

CREATE TABLE stored_value_card (
    card_id        VARCHAR(64)   PRIMARY KEY,
    customer_id    VARCHAR(64)   NOT NULL REFERENCES customer,
    card_name      VARCHAR(128)  NOT NULL,
    face_value     NUMERIC(20,2) NOT NULL CHECK (face_value > 0),
    account_id     VARCHAR(32)   NOT NULL REFERENCES ledger_account,
    effective_time TIMESTAMPTZ   NOT NULL,
    expire_time    TIMESTAMPTZ   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    CHECK (expire_time > effective_time)
);
CREATE INDEX stored_value_card_by_customer ON stored_value_card (customer_id, created_at);

-- An enterprise association, as enterprise-service tells it: the master sees the sub-account's bills only when
-- bills_visible (financial custody, or the sub-account granted the permission).
CREATE TABLE enterprise_association (
    sub_customer_id    VARCHAR(64) PRIMARY KEY,
    master_customer_id VARCHAR(64) NOT NULL,
    bills_visible      BOOLEAN     NOT NULL,
    financial_custody  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK (sub_customer_id <> master_customer_id)
);
CREATE INDEX enterprise_association_by_master ON enterprise_association (master_customer_id);
