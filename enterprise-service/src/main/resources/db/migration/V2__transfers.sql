-- Fund and coupon transfers between an enterprise master and its sub-accounts, recorded before billing-service's
-- ledger is called, so that a trans_id moves money at most once whatever fails: the ledger is called with a key
-- derived from the master and the trans_id, and a reconciler finishes what a crash or an outage left pending.
CREATE TABLE transfer (
    master_customer_id VARCHAR(64)  NOT NULL,
    trans_id           VARCHAR(64)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL
                       CHECK (kind IN ('ALLOCATE', 'RECLAIM', 'COUPON_ALLOCATE', 'COUPON_RECLAIM')),
    sub_customer_id    VARCHAR(64)  NOT NULL,
    -- what the ledger is asked to do (amount, balance type, coupon ids), and its hash: the same trans_id with
    -- another request is refused
    request            JSONB        NOT NULL,
    request_hash       CHAR(64)     NOT NULL,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    -- the first answer, given again to every repetition: the response body, or the error
    result             JSONB,
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    finished_at        TIMESTAMPTZ,
    PRIMARY KEY (master_customer_id, trans_id),
    CONSTRAINT finished_with_result CHECK ((status = 'PENDING') = (result IS NULL)
                                           AND (status = 'PENDING') = (finished_at IS NULL))
);
CREATE INDEX transfer_due ON transfer (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX transfer_by_sub ON transfer (sub_customer_id, created_at);
