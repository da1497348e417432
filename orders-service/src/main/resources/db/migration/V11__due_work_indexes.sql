-- The scheduled jobs find their due work through an index of just that work, so that a run costs what is due, not
-- what is waiting. Without the first one, the job that cancels orders unpaid at the end of their payment window read
-- every order waiting for payment, and with a plan built on statistics that had seen none waiting it did so once per
-- such order: 4,471 orders waiting took one run 26 s and 28.5 M buffer reads (bench/README.md, seventh session).
CREATE INDEX customer_order_payment_window ON customer_order (pending_payment_end_time) WHERE status = 6;
-- Expired resources (5) whose retention period ends: endRetention.
CREATE INDEX subscription_retention_end ON subscription (retention_end_time) WHERE status = 5;
