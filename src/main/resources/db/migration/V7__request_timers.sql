-- Request timers (product.md F3) and auto-approval rules. Portable SQL for H2 2.x and PostgreSQL.

-- Reminders and escalations as job rows, written with the PENDING request in one transaction. Workers claim due rows
-- with FOR UPDATE SKIP LOCKED and take a lease (claimed_until), so two instances never fire the same timer, and a
-- timer whose worker died is taken again once the lease has run out. done_at: fired, or found decided.
CREATE SEQUENCE request_timer_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE request_timer (
    id            BIGINT                      PRIMARY KEY,
    request_id    BIGINT                      NOT NULL,
    kind          VARCHAR(16)                 NOT NULL,
    due_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_until TIMESTAMP(6) WITH TIME ZONE,
    done_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT request_timer_request_fk FOREIGN KEY (request_id) REFERENCES extension_request (id),
    CONSTRAINT request_timer_once_uq UNIQUE (request_id, kind)
);

CREATE INDEX request_timer_due_ix ON request_timer (done_at, due_at);

-- What the timers did to a request: reminded (a marker in the inbox), escalated to whom (the approver's own approver,
-- or the fallback group), who may then decide as well as the line manager.
ALTER TABLE extension_request ADD COLUMN reminded_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE extension_request ADD COLUMN escalated_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE extension_request ADD COLUMN escalated_to_guid CHAR(36);
ALTER TABLE extension_request ADD COLUMN escalated_to_name VARCHAR(256);
ALTER TABLE extension_request ADD COLUMN escalated_to_group VARCHAR(256);
CREATE INDEX extension_request_escalated_ix ON extension_request (escalated_to_guid, state);

-- A decision taken by an auto-approval rule has no person behind it: the rule's name instead of a GUID.
ALTER TABLE request_decision ALTER COLUMN decided_by_guid DROP NOT NULL;
ALTER TABLE request_decision ADD COLUMN decided_by_rule VARCHAR(64);
ALTER TABLE request_decision ADD CONSTRAINT request_decision_who_ck
    CHECK (decided_by_guid IS NOT NULL OR decided_by_rule IS NOT NULL);
-- Counting a person's approvals by a rule this month (the rule's monthly cap).
CREATE INDEX request_decision_rule_ix ON request_decision (decided_by_rule, decided_at);
