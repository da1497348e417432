-- The audit trail: one record per state-changing public call that reached a known account (whatever its result) and
-- per admin change. The account, user and access key columns name the caller of a public call and the target of an
-- admin change, so that filtering on an account or a key finds both. Nothing secret is ever stored: identifiers are
-- taken from the request by known keys only (order_id, resource_ids, trans_id, ...), never whole bodies.
CREATE TABLE audit_record (
    record_id             BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at           TIMESTAMPTZ   NOT NULL,
    actor                 VARCHAR(16)   NOT NULL CHECK (actor IN ('customer', 'admin')),
    domain_id             VARCHAR(32),
    domain_name           VARCHAR(64),
    user_id               VARCHAR(32),
    user_name             VARCHAR(64),
    access_key            VARCHAR(40),
    -- Set for calls authenticated with an X-Auth-Token instead of an access key.
    token_id              VARCHAR(64),
    operation             VARCHAR(64)   NOT NULL,
    method                VARCHAR(16)   NOT NULL,
    path                  VARCHAR(512)  NOT NULL,
    -- {"order_id": ["..."], "resource_ids": ["...", "..."]}: capped, hence the flag when some were left out.
    identifiers           JSONB         NOT NULL,
    identifiers_truncated BOOLEAN       NOT NULL,
    source_ip             VARCHAR(64),
    status                INTEGER       NOT NULL,
    error_code            VARCHAR(64),
    request_id            VARCHAR(64)   NOT NULL,
    duration_ms           INTEGER       NOT NULL
);

-- Every identifier value of a record, whatever its key: what the resource_id filter searches.
CREATE FUNCTION audit_identifier_values(identifiers JSONB) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ARRAY(SELECT jsonb_array_elements_text(value) FROM jsonb_each(identifiers)) $$;

-- Queries list newest first, filtered by one of these.
CREATE INDEX audit_record_by_time ON audit_record (occurred_at DESC, record_id DESC);
CREATE INDEX audit_record_by_domain ON audit_record (domain_id, occurred_at DESC, record_id DESC) WHERE domain_id IS NOT NULL;
CREATE INDEX audit_record_by_user ON audit_record (user_id, occurred_at DESC, record_id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX audit_record_by_access_key ON audit_record (access_key, occurred_at DESC, record_id DESC) WHERE access_key IS NOT NULL;
CREATE INDEX audit_record_by_operation ON audit_record (operation, occurred_at DESC, record_id DESC);
CREATE INDEX audit_record_by_request ON audit_record (request_id);
CREATE INDEX audit_record_by_identifier ON audit_record USING GIN (audit_identifier_values(identifiers));

-- History is not rewritten: rows are only ever inserted.
CREATE FUNCTION refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_record_not_truncated BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();
