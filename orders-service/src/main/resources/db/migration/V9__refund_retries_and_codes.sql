-- The reconciler (io.openbss.common.reconcile) sends refund orders still processing to billing again, pacing each
-- by these two columns as it paces payments; other orders leave them unset. A refund order without a next attempt
-- time is due at once; those processing now are first due 30 seconds after they were made, as before.
ALTER TABLE customer_order ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE customer_order ADD COLUMN next_attempt_at TIMESTAMPTZ;
UPDATE customer_order SET next_attempt_at = create_time + interval '30 seconds' WHERE order_type = 4 AND status = 3;
CREATE INDEX customer_order_refund_due ON customer_order (next_attempt_at) WHERE order_type = 4 AND status = 3;

-- Orders keep only the codes CustomerOrderV2 of the SDK has (OrderStatus, OrderType, SourceType of the code).
ALTER TABLE customer_order
    ADD CONSTRAINT customer_order_status_code CHECK (status IN (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13)),
    ADD CONSTRAINT customer_order_type_code CHECK (order_type IN (1, 2, 3, 4, 10, 11, 13, 14, 15));
