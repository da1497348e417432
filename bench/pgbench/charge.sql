\set c random(0, 199)
\set k random(1, 1000000000)
BEGIN;
INSERT INTO billing.journal_entry (idempotency_key, content_hash, trade_type, detail_type, trade_id, customer_id, created_at, business_time) VALUES ('pgb-' || :k || '-' || :client_id || '-' || random(), repeat('0',64), 'DEDUCT', 'DEDUCT_USAGE', 'pgb', 'bench' || lpad(:c::text, 11, '0'), now(), now()) RETURNING entry_id \gset
SELECT a.account_id, a.balance FROM billing.ledger_account a WHERE a.account_id = ANY(ARRAY(SELECT account_id FROM billing.ledger_account WHERE customer_id = 'bench' || lpad(:c::text, 11, '0') AND instrument_id IS NULL)) ORDER BY a.account_id FOR UPDATE;
INSERT INTO billing.journal_line (entry_id, account_id, amount, created_at) SELECT :entry_id::bigint, account_id, -0.01, now() FROM billing.ledger_account WHERE customer_id = 'bench' || lpad(:c::text, 11, '0') AND account_type = 'CASH' AND instrument_id IS NULL UNION ALL SELECT :entry_id::bigint, 'SYSTEM-REVENUE', 0.01, now();
INSERT INTO billing.bill_line (customer_id, payer_customer_id, entry_id, bill_cycle, bill_date, trade_id, trade_time, bill_type, charging_mode, service_type_code, resource_type_code, region_code, official_amount, discount_amount, amount, cash_amount) VALUES ('bench' || lpad(:c::text, 11, '0'), 'bench' || lpad(:c::text, 11, '0'), :entry_id::bigint, '2026-11', current_date, 'pgb', now(), 5, 3, 'hws.service.type.ec2', 'hws.resource.type.vm', 'cn-north-4', 0.01, 0, 0.01, 0.01);
COMMIT;
