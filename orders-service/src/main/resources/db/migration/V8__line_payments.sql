-- What paid each line of a paid order (or went back, for a refund order), as billing's bill line for it records:
-- ShowCustomerOrderDetails shows it in each line item's amount information. Lines paid before stay at 0.
ALTER TABLE order_line ADD COLUMN coupon_amount NUMERIC(20,2) NOT NULL DEFAULT 0;
ALTER TABLE order_line ADD COLUMN stored_card_amount NUMERIC(20,2) NOT NULL DEFAULT 0;
ALTER TABLE order_line ADD COLUMN consumed_amount NUMERIC(20,2) NOT NULL DEFAULT 0;
