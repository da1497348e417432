-- A statement that writes several tables at once (a charged payment: its attempt, its order, its lines, its
-- resources) refuses itself with this when what it found breaks a rule it relies on, so that none of it is written:
-- plain SQL has no statement that raises an error.
CREATE FUNCTION refuse_statement(message TEXT) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', message USING ERRCODE = 'integrity_constraint_violation';
END $$;
