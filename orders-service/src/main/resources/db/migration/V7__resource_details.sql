-- What OrderInstanceV2 shows of a resource beyond its product: the name of its resource type (billing's catalog
-- names it when the order is priced) and the project and enterprise project the ordering cloud service placed it
-- in. Lines and resources recorded before stay without them.
ALTER TABLE order_line
    ADD COLUMN resource_type_name      VARCHAR(128),
    ADD COLUMN project_id              VARCHAR(64),
    ADD COLUMN enterprise_project_id   VARCHAR(256),
    ADD COLUMN enterprise_project_name VARCHAR(256);
ALTER TABLE subscription
    ADD COLUMN resource_type_name      VARCHAR(128),
    ADD COLUMN project_id              VARCHAR(64),
    ADD COLUMN enterprise_project_id   VARCHAR(256),
    ADD COLUMN enterprise_project_name VARCHAR(256);
