-- A balance's UPDATE (as a journal line's trigger moves it) against the search_path's ledger_account
-- (checks-setup.sql says how to run it).
\set id random(1, 10000)
UPDATE ledger_account SET balance = balance + 1 WHERE account_id = 'a' || :id;
