-- An order's status UPDATE against the search_path's customer_order (checks-setup.sql says how to run it).
\set id random(1, 100000)
UPDATE customer_order SET status = 3 + (:id % 2), payment_time = now() WHERE order_id = 'o' || :id;
