-- Upstream mode: a local account linked to an account of an upstream BSS, which serves the local account's calls.
-- The upstream secret key is encrypted like the accounts' own (AES-256-GCM, bss.gateway.sk-encryption-key).
CREATE TABLE upstream_link (
    domain_id           VARCHAR(32)  PRIMARY KEY REFERENCES domain,
    endpoint            VARCHAR(256) NOT NULL CHECK (endpoint ~ '^https?://[^/?#@]+$'),
    access_key          VARCHAR(128) NOT NULL CHECK (access_key ~ '^[A-Za-z0-9]+$'),
    secret_ciphertext   BYTEA        NOT NULL,
    upstream_domain_id  VARCHAR(64)  NOT NULL CHECK (upstream_domain_id ~ '^[A-Za-z0-9_-]+$'),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);

-- The request id the upstream gave a call that the gateway recorded.
ALTER TABLE audit_record ADD COLUMN upstream_request_id VARCHAR(64);
