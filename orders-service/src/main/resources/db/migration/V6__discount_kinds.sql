-- The kind of discount a line's price carries (its best offer), as DiscountItemV2 codes it.
ALTER TABLE order_line ADD COLUMN discount_type VARCHAR(16);

-- Orders written before recorded their discount as 301 (a cash coupon in the SDK); it was always the line's best
-- offer, which rating chooses among commercial discounts only: 605.
UPDATE order_line SET discount_type = '605' WHERE discount_amount > 0;
UPDATE order_discount d SET discount_type = '605'
 WHERE discount_type = '301' AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = d.order_id);
