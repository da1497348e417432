-- 16 charges in one transaction, one statement per kind of row, as billing-service's ChargeBatches posts charges
-- that arrive together (entries and the locks of the payers' accounts; lines and bill lines); for the bench's
-- 10,000 customers, 16 different ones each time. Compare with charge.sql (one charge a transaction).
\set b random(0, 624)
\set k random(1, 1000000000)
BEGIN;
WITH c AS (SELECT i, 'bench' || lpad(((:b + i * 625) % 10000)::text, 11, '0') AS customer_id FROM generate_series(0, 15) i),
e AS (INSERT INTO billing.journal_entry (idempotency_key, content_hash, trade_type, detail_type, trade_id, customer_id, created_at, business_time) SELECT 'pgbb-' || :k || '-' || :client_id || '-' || i || '-' || random(), repeat('0',64), 'DEDUCT', 'DEDUCT_USAGE', 'pgb', customer_id, now(), now() FROM c RETURNING entry_id, customer_id),
l AS (SELECT a.account_id, a.balance FROM billing.ledger_account a WHERE a.customer_id IN (SELECT customer_id FROM c) AND a.instrument_id IS NULL ORDER BY a.account_id FOR UPDATE)
SELECT (SELECT array_agg(entry_id) FROM e) AS ids, (SELECT array_agg(customer_id) FROM e) AS custs, (SELECT count(*) FROM l) AS locked \gset
WITH e AS (SELECT * FROM unnest(:ids::bigint[], :custs::text[]) AS t(entry_id, customer_id)),
jl AS (INSERT INTO billing.journal_line (entry_id, account_id, amount, created_at) SELECT e.entry_id, a.account_id, -0.01, now() FROM e JOIN billing.ledger_account a ON a.customer_id = e.customer_id AND a.account_type = 'CASH' AND a.instrument_id IS NULL UNION ALL SELECT entry_id, 'SYSTEM-REVENUE', 0.01, now() FROM e)
INSERT INTO billing.bill_line (customer_id, payer_customer_id, entry_id, bill_cycle, bill_date, trade_id, trade_time, bill_type, charging_mode, service_type_code, resource_type_code, region_code, official_amount, discount_amount, amount, cash_amount) SELECT customer_id, customer_id, entry_id, '2026-11', current_date, 'pgb', now(), 5, 3, 'hws.service.type.ec2', 'hws.resource.type.vm', 'cn-north-4', 0.01, 0, 0.01, 0.01 FROM e;
COMMIT;
