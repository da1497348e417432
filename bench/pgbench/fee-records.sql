-- ListCustomerBillsFeeRecords as billing-service sends it, first page of 100: a random bench customer and month
-- (the bench data generated in 2026-12 holds 2026-06 to 2026-11; change the year and m for other data). Run with
-- PGOPTIONS="-c search_path=billing" pgbench -M prepared -n -c 1 -T 10 -f bench/pgbench/fee-records.sql, as charge.sql (Ledger).
\set c random(0, 9999)
\set m random(6, 11)
SELECT p.*, st.name_zh AS service_type_name, rt.name_zh AS resource_type_name, rg.name_zh AS region_name FROM (SELECT b.*, (b.cash_amount + b.credit_amount + b.coupon_amount + b.stored_card_amount + b.debt_amount) AS paid, CASE WHEN b.debt_outstanding > 0 THEN 2 ELSE 1 END AS status, count(*) OVER () AS total FROM bill_line b WHERE b.bill_cycle = ('2026-' || lpad(:m::text, 2, '0'))::char(7) AND b.customer_id = ANY(ARRAY['bench' || lpad(:c::text, 11, '0')]) ORDER BY b.trade_time DESC, b.line_id DESC LIMIT 100 OFFSET 0) p LEFT JOIN service_type st ON st.service_type_code = p.service_type_code LEFT JOIN resource_type rt ON rt.resource_type_code = p.resource_type_code LEFT JOIN region rg ON rg.region_code = p.region_code ORDER BY p.trade_time DESC, p.line_id DESC;
