-- The same rules, written so that PostgreSQL compiles them for less on each statement that writes the table (it
-- reads every CHECK constraint back from its stored form for each such statement; a transfer is written twice): a
-- list of values as one array constant instead of a list of constants (bench/README.md, seventeenth session).
ALTER TABLE transfer
    DROP CONSTRAINT transfer_kind_check,
    ADD CONSTRAINT transfer_kind_check
        CHECK (kind::text = ANY ('{ALLOCATE,RECLAIM,COUPON_ALLOCATE,COUPON_RECLAIM}'::text[])),
    DROP CONSTRAINT transfer_status_check,
    ADD CONSTRAINT transfer_status_check CHECK (status::text = ANY ('{PENDING,SUCCEEDED,FAILED}'::text[]));
