-- A state-changing call is recorded before it is forwarded to its service, with no status yet, and completed once
-- with its answer: a call whose record cannot be written is refused instead of being performed unrecorded. A record
-- left without a status is a call whose answer never came back (the gateway stopped, or the completion failed).
ALTER TABLE audit_record ALTER COLUMN status DROP NOT NULL, ALTER COLUMN duration_ms DROP NOT NULL;

-- History is still not rewritten: the only update allowed completes a record that has no status yet, and changes
-- nothing but its outcome.
CREATE OR REPLACE FUNCTION refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NULL AND NEW.status IS NOT NULL
       AND (to_jsonb(NEW) - 'status' - 'error_code' - 'duration_ms')
           = (to_jsonb(OLD) - 'status' - 'error_code' - 'duration_ms') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END $$;
