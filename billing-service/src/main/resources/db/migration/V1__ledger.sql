-- The ledger: customers, their accounts, and double-entry journal entries.
-- Invariants held by the database itself, whatever the application does:
--   * a balance changes only by inserting a journal line, and equals the sum of that account's lines;
--   * the lines of an entry sum to zero (checked at commit), and an entry has at least two lines;
--   * a cash balance never goes below zero, a credit balance never below minus its limit;
--   * journal entries and lines are never updated or deleted;
--   * an idempotency key belongs to one entry only.

CREATE TABLE customer (
    customer_id   VARCHAR(64)  PRIMARY KEY,
    customer_name VARCHAR(128) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

-- Customer accounts carry a running balance. System accounts (revenue, funding sources, ...) do not: their balance
-- is the sum of their lines, so that a movement never waits on a lock of a shared system account.
CREATE TABLE ledger_account (
    account_id   VARCHAR(32)   PRIMARY KEY,
    customer_id  VARCHAR(64)   REFERENCES customer,
    account_type VARCHAR(16)   NOT NULL,
    balance      NUMERIC(20,2),
    credit_limit NUMERIC(20,2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    currency     CHAR(3)       NOT NULL DEFAULT 'CNY',
    created_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT customer_accounts_have_balance CHECK ((customer_id IS NULL) = (balance IS NULL)),
    CONSTRAINT cash_never_negative CHECK (account_type <> 'CASH' OR balance >= 0),
    CONSTRAINT credit_within_limit CHECK (account_type <> 'CREDIT' OR balance >= -credit_limit),
    CONSTRAINT one_account_per_type UNIQUE (customer_id, account_type)
);
CREATE UNIQUE INDEX one_system_account_per_type ON ledger_account (account_type) WHERE customer_id IS NULL;

INSERT INTO ledger_account (account_id, customer_id, account_type, balance, created_at) VALUES
    ('SYSTEM-REVENUE', NULL, 'REVENUE', NULL, now()),
    ('SYSTEM-FUNDING', NULL, 'FUNDING', NULL, now());

CREATE TABLE journal_entry (
    entry_id           BIGSERIAL    PRIMARY KEY,
    idempotency_key    VARCHAR(160) NOT NULL,
    content_hash       CHAR(64)     NOT NULL,
    trade_type         VARCHAR(16)  NOT NULL,
    trade_id           VARCHAR(64)  NOT NULL,
    customer_id        VARCHAR(64)  NOT NULL,
    payment_channel    VARCHAR(32),
    payment_channel_no VARCHAR(64),
    description        VARCHAR(256),
    created_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT one_entry_per_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX journal_entry_by_trade ON journal_entry (trade_id);

CREATE TABLE journal_line (
    line_id       BIGSERIAL     PRIMARY KEY,
    entry_id      BIGINT        NOT NULL REFERENCES journal_entry,
    account_id    VARCHAR(32)   NOT NULL REFERENCES ledger_account,
    amount        NUMERIC(20,2) NOT NULL CHECK (amount <> 0),
    balance_after NUMERIC(20,2),
    created_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX journal_line_by_account ON journal_line (account_id, line_id);
CREATE INDEX journal_line_by_entry ON journal_line (entry_id);

-- A line moves its account's balance in the same statement; the row lock serialises movements of one account.
CREATE FUNCTION apply_journal_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ledger_account SET balance = balance + NEW.amount
     WHERE account_id = NEW.account_id AND balance IS NOT NULL
    RETURNING balance INTO NEW.balance_after;
    RETURN NEW;
END $$;
CREATE TRIGGER journal_line_moves_balance BEFORE INSERT ON journal_line
    FOR EACH ROW EXECUTE FUNCTION apply_journal_line();

CREATE FUNCTION guard_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.balance IS DISTINCT FROM OLD.balance AND pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'a balance changes only through journal lines (account %)', OLD.account_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_account_balance_guard BEFORE UPDATE ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION guard_balance();

CREATE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lines INT;
    total NUMERIC;
BEGIN
    SELECT count(*), coalesce(sum(amount), 0) INTO lines, total FROM journal_line WHERE entry_id = NEW.entry_id;
    IF lines < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance (% lines, sum %)', NEW.entry_id, lines, total
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entry_balances AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced();
CREATE CONSTRAINT TRIGGER journal_line_balances AFTER INSERT ON journal_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced();

CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
