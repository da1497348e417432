-- Accounts created for services (CreateSubEnterpriseAccount): a mobile phone per account (shared by at most a few
-- accounts, bss.gateway.accounts-per-mobile-phone), a password for the root user (bcrypt, never in clear),
-- contacts that operators reported, and the idempotency keys of creation requests.
ALTER TABLE domain ADD COLUMN mobile_phone VARCHAR(20);
CREATE INDEX domain_by_mobile_phone ON domain (mobile_phone) WHERE mobile_phone IS NOT NULL;

ALTER TABLE iam_user ADD COLUMN password_hash VARCHAR(128);

CREATE TABLE reported_contact (
    contact    VARCHAR(254)  PRIMARY KEY,
    reason     VARCHAR(255),
    created_at TIMESTAMPTZ   NOT NULL
);

-- One row per idempotency key, claimed first in the transaction that creates the account, so that a concurrent
-- request with the same key waits for it and then reads its result. The account is inserted after the claim in
-- the same transaction, hence the deferred reference.
CREATE TABLE domain_creation (
    idempotency_key VARCHAR(128)  PRIMARY KEY,
    request_hash    CHAR(64)      NOT NULL,
    domain_id       VARCHAR(32)   NOT NULL REFERENCES domain DEFERRABLE INITIALLY DEFERRED,
    created_at      TIMESTAMPTZ   NOT NULL
);
