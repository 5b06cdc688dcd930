-- Whom and which request an audit entry concerns (issue 7, history): what the history page filters and the
-- visibility rule (employees their own entries, managers their reports') keys on. Nullable: entries written before
-- this migration, and entries about no one (intake bursts, settings), have none, and keep their exact old hash.
ALTER TABLE audit_entry ADD COLUMN request_id BIGINT;
ALTER TABLE audit_entry ADD COLUMN person_guid VARCHAR(36);
ALTER TABLE audit_entry ADD COLUMN person_account VARCHAR(256);

-- Newest-first pages and exports of one person's history, and a request's timeline (oldest first), read in index
-- order without sorting or scanning.
CREATE INDEX audit_entry_person_ix ON audit_entry (person_guid, seq DESC);
CREATE INDEX audit_entry_request_ix ON audit_entry (request_id, seq);
-- Someone who has left the directory is found by the account name their entries carry.
CREATE INDEX audit_entry_account_ix ON audit_entry (person_account, seq DESC);
