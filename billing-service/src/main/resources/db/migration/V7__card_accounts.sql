-- A charge locks the cards that can pay it by account and reads their expiry from the account.
CREATE UNIQUE INDEX stored_value_card_by_account ON stored_value_card (account_id);
