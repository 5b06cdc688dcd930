-- The append-only, hash-chained audit history. The application never updates or deletes audit_entry rows; in
-- production the runtime role gets INSERT and SELECT only (docs/operations.md).
CREATE TABLE audit_entry (
    seq         BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_type  VARCHAR(16)                 NOT NULL,
    actor       VARCHAR(255)                NOT NULL,
    action      VARCHAR(64)                 NOT NULL,
    subject     VARCHAR(255),
    details     VARCHAR(4000),
    prev_hash   CHAR(64)                    NOT NULL,
    hash        CHAR(64)                    NOT NULL
);

CREATE INDEX audit_entry_occurred_at_ix ON audit_entry (occurred_at);
CREATE INDEX audit_entry_action_ix ON audit_entry (action, occurred_at);

-- The one row appenders lock to keep the chain linear.
CREATE TABLE audit_chain_head (
    id        INTEGER PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
