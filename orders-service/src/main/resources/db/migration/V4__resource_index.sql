-- A customer's resources by expiry, with what the resource query filters on, so that counting a customer's
-- resources reads the index alone.
DROP INDEX subscription_by_customer;
CREATE INDEX subscription_by_customer ON subscription (customer_id, expire_time, resource_id)
    INCLUDE (status, main_resource_id);
