-- The IAM slice: accounts (domains), their IAM users and AK/SK pairs. Secret keys are stored encrypted
-- (AES-256-GCM under a key from configuration), never in clear.
CREATE TABLE domain (
    domain_id  VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(64)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('individual', 'enterprise_master', 'enterprise_sub', 'partner')),
    enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT domain_name_unique UNIQUE (name)
);

-- Every account has one root user (the account itself, same name); other users are IAM users under it.
CREATE TABLE iam_user (
    user_id    VARCHAR(32)  PRIMARY KEY,
    domain_id  VARCHAR(32)  NOT NULL REFERENCES domain,
    name       VARCHAR(64)  NOT NULL,
    root       BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT user_name_unique_in_domain UNIQUE (domain_id, name)
);
CREATE UNIQUE INDEX one_root_user_per_domain ON iam_user (domain_id) WHERE root;

CREATE TABLE access_key (
    access_key        VARCHAR(40)  PRIMARY KEY,
    user_id           VARCHAR(32)  NOT NULL REFERENCES iam_user,
    domain_id         VARCHAR(32)  NOT NULL REFERENCES domain,
    secret_ciphertext BYTEA        NOT NULL,
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('active', 'inactive')),
    description       VARCHAR(255),
    created_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX access_key_by_user ON access_key (user_id);
