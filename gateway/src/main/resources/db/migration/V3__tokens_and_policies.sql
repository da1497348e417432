-- X-Auth-Token: only the SHA-256 of a token is stored; the token itself is shown once, in X-Subject-Token.
CREATE TABLE auth_token (
    token_id    VARCHAR(32)  PRIMARY KEY,
    token_hash  BYTEA        NOT NULL UNIQUE,
    user_id     VARCHAR(32)  NOT NULL REFERENCES iam_user,
    domain_id   VARCHAR(32)  NOT NULL REFERENCES domain,
    method      VARCHAR(10)  NOT NULL CHECK (method IN ('password', 'hw_ak_sk')),
    access_key  VARCHAR(40)  CHECK ((method = 'hw_ak_sk') = (access_key IS NOT NULL)),
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL CHECK (expires_at > issued_at),
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX auth_token_by_domain ON auth_token (domain_id, issued_at DESC);
CREATE INDEX auth_token_by_user ON auth_token (user_id) WHERE revoked_at IS NULL;

-- The policies of IAM users (the account's root user may do everything): system roles, each optionally limited to
-- some cloud service types (the billing:cloudServiceType condition).
CREATE TABLE user_policy (
    user_id             VARCHAR(32)  NOT NULL REFERENCES iam_user,
    role                VARCHAR(20)  NOT NULL
                        CHECK (role IN ('bss_admin', 'bss_finance', 'bss_operator', 'bss_readonly')),
    cloud_service_types TEXT[]       CHECK (cardinality(cloud_service_types) > 0),
    PRIMARY KEY (user_id, role)
);
