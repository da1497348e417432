-- Completing the record of a linked account's call also fills in the request id the upstream gave it: still only the
-- outcome of a record that has none yet.
CREATE OR REPLACE FUNCTION refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NULL AND NEW.status IS NOT NULL
       AND (to_jsonb(NEW) - 'status' - 'error_code' - 'duration_ms' - 'upstream_request_id')
           = (to_jsonb(OLD) - 'status' - 'error_code' - 'duration_ms' - 'upstream_request_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END $$;
