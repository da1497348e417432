-- When the event a journal entry records happened (a payment, a transfer, an hour of usage rated later): change
-- records and bill lines show it and take their bill cycle from it; created_at stays when it was posted.
ALTER TABLE journal_entry ADD COLUMN business_time TIMESTAMPTZ;
UPDATE journal_entry SET business_time = created_at;
ALTER TABLE journal_entry ALTER COLUMN business_time SET NOT NULL;
