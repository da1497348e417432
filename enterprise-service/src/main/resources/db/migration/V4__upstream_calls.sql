-- Upstream mode: the money calls of linked accounts (transfers, payments), recorded before they are sent so that
-- each is sent exactly once per domain, operation and idempotency key (io.openbss.common.upstream.ExactlyOnceCalls).
CREATE TABLE upstream_call (
    domain_id           VARCHAR(64)  NOT NULL,
    operation           VARCHAR(64)  NOT NULL,
    idempotency_key     VARCHAR(256) NOT NULL,
    method              VARCHAR(8)   NOT NULL,
    path                TEXT         NOT NULL,
    query               TEXT,
    content_type        TEXT,
    language            VARCHAR(16),
    request_id          VARCHAR(64)  NOT NULL,
    body                TEXT         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    answer_status       INTEGER,
    answer_content_type TEXT,
    answer_body         TEXT,
    upstream_request_id VARCHAR(128),
    attempts            INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT upstream_call_key UNIQUE (domain_id, operation, idempotency_key)
);

CREATE INDEX upstream_call_due ON upstream_call (next_attempt_at) WHERE status = 'PENDING';
