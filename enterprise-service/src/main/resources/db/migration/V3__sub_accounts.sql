-- SMS verification codes: only a hash is kept; a code is spent once used, expired, or tried wrongly too often.
CREATE TABLE sms_code (
    code_id            BIGSERIAL    PRIMARY KEY,
    mobile_phone       VARCHAR(20)  NOT NULL,
    master_customer_id VARCHAR(64)  NOT NULL,
    code_hash          CHAR(64)     NOT NULL,
    sent_at            TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL CHECK (expires_at > sent_at),
    failed_attempts    INT          NOT NULL DEFAULT 0,
    used_at            TIMESTAMPTZ
);
CREATE INDEX sms_code_by_phone ON sms_code (mobile_phone, sent_at DESC);

-- A sub-account being created: recorded before the gateway creates the account, so that a crash between the
-- steps (account, billing registration, association) is finished by the reconciler, never left half done.
CREATE TABLE sub_account_creation (
    creation_id        VARCHAR(64)  PRIMARY KEY,
    master_customer_id VARCHAR(64)  NOT NULL,
    account_name       VARCHAR(64)  NOT NULL,
    display_name       VARCHAR(128),
    org_id             VARCHAR(64)  NOT NULL REFERENCES organization,
    financial_custody  BOOLEAN      NOT NULL,
    permission_ids     TEXT[]       NOT NULL,
    mobile_phone       VARCHAR(20),
    use_master_phone   BOOLEAN      NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    sub_customer_id    VARCHAR(64),
    error              JSONB,
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sub_account_creation_due ON sub_account_creation (next_attempt_at) WHERE status = 'PENDING';

-- Customers that turned on enterprise projects (CreateEnterpriseProjectAuth).
CREATE TABLE enterprise_project_authority (
    customer_id VARCHAR(64) PRIMARY KEY,
    enabled_at  TIMESTAMPTZ NOT NULL
);
