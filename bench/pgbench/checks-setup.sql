-- What a table's CHECK constraints cost PostgreSQL on each statement that writes it (bench/README.md, seventeenth
-- session): an order's and a balance's columns and constraints, in three schemas: checks_before (the constraints as
-- orders' V1-V9 and billing's V1-V4 wrote them), checks_after (as orders' V13 and billing's V9 rewrote them) and
-- checks_none (without). On a scratch database (it drops and creates the three schemas):
--   psql -h 127.0.0.1 -p <port> -U postgres -f bench/pgbench/checks-setup.sql <database>
--   PGOPTIONS="-c search_path=checks_before" pgbench -h 127.0.0.1 -p <port> -U postgres -n -M prepared -c 1 -T 5 \
--       -f bench/pgbench/checks-order.sql <database>
-- and the same with checks_after and checks_none, and with checks-balance.sql.
DROP SCHEMA IF EXISTS checks_before, checks_after, checks_none CASCADE;
CREATE SCHEMA checks_none;
CREATE TABLE checks_none.customer_order (
    order_id VARCHAR(64) PRIMARY KEY, customer_id VARCHAR(64) NOT NULL, source_type SMALLINT NOT NULL,
    status SMALLINT NOT NULL, order_type SMALLINT NOT NULL, official_amount NUMERIC(20,2) NOT NULL,
    amount_after_discount NUMERIC(20,2) NOT NULL, payment_time TIMESTAMPTZ);
INSERT INTO checks_none.customer_order
    SELECT 'o' || g, 'c' || (g % 1000), 1, 3, 1, 10.00, 9.00, NULL FROM generate_series(1, 100000) g;
CREATE TABLE checks_none.ledger_account (
    account_id VARCHAR(32) PRIMARY KEY, customer_id VARCHAR(64), account_type VARCHAR(16) NOT NULL,
    balance NUMERIC(20,2), credit_limit NUMERIC(20,2) NOT NULL DEFAULT 0, instrument_id VARCHAR(64));
INSERT INTO checks_none.ledger_account
    SELECT 'a' || g, 'c' || g, 'CASH', 1000000, 0, NULL FROM generate_series(1, 10000) g;

CREATE SCHEMA checks_before;
CREATE TABLE checks_before.customer_order (LIKE checks_none.customer_order INCLUDING ALL);
INSERT INTO checks_before.customer_order SELECT * FROM checks_none.customer_order;
ALTER TABLE checks_before.customer_order
    ADD CHECK (source_type BETWEEN 1 AND 8), ADD CHECK (status BETWEEN 1 AND 13),
    ADD CHECK (official_amount >= 0), ADD CHECK (amount_after_discount >= 0),
    ADD CHECK (status IN (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13)),
    ADD CHECK (order_type IN (1, 2, 3, 4, 10, 11, 13, 14, 15));
CREATE TABLE checks_before.ledger_account (LIKE checks_none.ledger_account INCLUDING ALL);
INSERT INTO checks_before.ledger_account SELECT * FROM checks_none.ledger_account;
ALTER TABLE checks_before.ledger_account
    ADD CHECK (credit_limit >= 0),
    ADD CHECK ((customer_id IS NULL) = (balance IS NULL)),
    ADD CHECK (account_type NOT IN ('CASH', 'CREDIT', 'COUPON', 'CARD') OR balance >= 0),
    ADD CHECK (account_type <> 'DEBT' OR balance <= 0),
    ADD CHECK ((account_type IN ('COUPON', 'CARD')) = (instrument_id IS NOT NULL));

CREATE SCHEMA checks_after;
CREATE TABLE checks_after.customer_order (LIKE checks_none.customer_order INCLUDING ALL);
INSERT INTO checks_after.customer_order SELECT * FROM checks_none.customer_order;
ALTER TABLE checks_after.customer_order
    ADD CHECK (source_type BETWEEN 1 AND 8),
    ADD CHECK (official_amount >= '0'::numeric), ADD CHECK (amount_after_discount >= '0'::numeric),
    ADD CHECK (status = ANY ('{1,2,3,4,5,6,9,10,11,12,13}'::smallint[])),
    ADD CHECK (order_type = ANY ('{1,2,3,4,10,11,13,14,15}'::smallint[]));
CREATE TABLE checks_after.ledger_account (LIKE checks_none.ledger_account INCLUDING ALL);
INSERT INTO checks_after.ledger_account SELECT * FROM checks_none.ledger_account;
ALTER TABLE checks_after.ledger_account
    ADD CHECK (credit_limit >= '0'::numeric),
    ADD CHECK ((customer_id IS NULL) = (balance IS NULL)),
    ADD CHECK (account_type::text <> ALL ('{CASH,CREDIT,COUPON,CARD}'::text[]) OR balance >= '0'::numeric),
    ADD CHECK (account_type::text <> 'DEBT' OR balance <= '0'::numeric),
    ADD CHECK ((account_type::text = ANY ('{COUPON,CARD}'::text[])) = (instrument_id IS NOT NULL));

VACUUM ANALYZE checks_none.customer_order, checks_none.ledger_account, checks_before.customer_order,
    checks_before.ledger_account, checks_after.customer_order, checks_after.ledger_account;
