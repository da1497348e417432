-- Enterprise organizations (a tree per master account) and the sub-accounts associated with a master.
CREATE TABLE organization (
    org_id             VARCHAR(64)  PRIMARY KEY,
    master_customer_id VARCHAR(64)  NOT NULL,
    parent_id          VARCHAR(64)  REFERENCES organization,
    name               VARCHAR(128) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT root_has_no_parent CHECK (parent_id IS NULL OR parent_id <> org_id)
);
CREATE UNIQUE INDEX one_root_per_enterprise ON organization (master_customer_id) WHERE parent_id IS NULL;
CREATE INDEX organization_by_parent ON organization (parent_id);

-- A customer is the sub-account of at most one master.
CREATE TABLE sub_customer (
    sub_customer_id    VARCHAR(64)  PRIMARY KEY,
    master_customer_id VARCHAR(64)  NOT NULL,
    account_name       VARCHAR(64)  NOT NULL,
    display_name       VARCHAR(128),
    -- 1 normal, 2 creating, 3 closing, 4 closed, 101 registering, 102 pending activation
    status             SMALLINT     NOT NULL CHECK (status IN (1, 2, 3, 4, 101, 102)),
    org_id             VARCHAR(64)  REFERENCES organization,
    -- 1: same legal entity (the only association type the API knows)
    association_type   SMALLINT     NOT NULL DEFAULT 1,
    financial_custody  BOOLEAN      NOT NULL DEFAULT FALSE,
    permission_ids     TEXT[]       NOT NULL DEFAULT '{}',
    created_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT not_its_own_master CHECK (sub_customer_id <> master_customer_id)
);
CREATE INDEX sub_customer_by_master ON sub_customer (master_customer_id, created_at, sub_customer_id);
