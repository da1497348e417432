-- A call's record is completed with its outcome (status, error code, duration, upstream request id) moments after it
-- was written; none of those columns is indexed. With room left on the record's page, PostgreSQL writes the completed
-- version beside the first one as a heap-only tuple, with no new entry in any of the table's seven indexes (one of
-- them GIN); on a full page it would write all of them again. Pages are filled to 60% by inserts, which leaves the
-- room for the completions of the records they hold (the page's dead first versions are pruned as it fills).
ALTER TABLE audit_record SET (fillfactor = 60);
