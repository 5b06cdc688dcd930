-- The mail outbox (reliability.md §7). Portable SQL for H2 2.x and PostgreSQL.

-- One row per message, written in the transaction of the state change that causes it; a worker sends it after
-- commit. Workers claim due rows with FOR UPDATE SKIP LOCKED and take a lease (claimed_until, the epoch when free), so
-- two instances never send the same row at once and a crashed sender's rows come back once the lease has run out.
-- QUEUED: waiting or retrying (next_attempt_at); SENT: the SMTP server accepted it (sent_at); DEAD: the retry limit
-- was reached (audited as mail.dead). sent_at is written by SQL only (no null Instant is ever bound).
CREATE SEQUENCE mail_outbox_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mail_outbox (
    id                BIGINT                      PRIMARY KEY,
    kind              VARCHAR(64)                 NOT NULL,
    recipient_address VARCHAR(320)                NOT NULL,
    recipient_name    VARCHAR(256),
    subject           VARCHAR(998)                NOT NULL,
    text_body         VARCHAR(65536)              NOT NULL,
    html_body         VARCHAR(65536)              NOT NULL,
    state             VARCHAR(16)                 NOT NULL,
    attempts          INTEGER                     NOT NULL,
    next_attempt_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_until     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at           TIMESTAMP(6) WITH TIME ZONE,
    request_id        BIGINT,
    CONSTRAINT mail_outbox_state_ck CHECK (state IN ('QUEUED', 'SENT', 'DEAD'))
);

-- The worker's claim: due rows still queued, oldest first.
CREATE INDEX mail_outbox_due_ix ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_request_ix ON mail_outbox (request_id);
