-- Administration (product.md F9). Settings an administrator saved in the portal: they override the defaults in
-- microprofile-config.properties, and lose to an operator's pin in the environment or a system property. One row per
-- key; a key without a row takes its default. Portable SQL for H2 2.x and PostgreSQL.
CREATE TABLE setting (
    setting_key   VARCHAR(128)  PRIMARY KEY,
    version       BIGINT        NOT NULL,
    setting_value VARCHAR(2000) NOT NULL,
    changed_by    VARCHAR(256)  NOT NULL,
    changed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- UserLock IDs (ServerGuid) entered in the portal, per slot (PRIMARY, BACKUP). Only the SHA-256 digest of the
-- normalised ID (what the webhook compares) and its last four characters (to tell IDs apart on the page) are stored,
-- never the ID. A row with retires_at NULL is the slot's current ID; a rotation sets the outgoing row's retires_at to
-- the end of the overlap, after which it is no longer accepted.
CREATE SEQUENCE userlock_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE userlock_id (
    id           BIGINT       PRIMARY KEY,
    slot         VARCHAR(16)  NOT NULL,
    digest       VARCHAR(64)  NOT NULL,
    hint         VARCHAR(8)   NOT NULL,
    added_by     VARCHAR(256) NOT NULL,
    added_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    retires_at   TIMESTAMP(6) WITH TIME ZONE,
    -- Flushed from memory every few seconds by the instance that saw it, never once per notification.
    last_seen_at TIMESTAMP(6) WITH TIME ZONE
);

CREATE INDEX userlock_id_slot_ix ON userlock_id (slot, retires_at);

-- Bridge tokens created in the portal (next to AFTERHOURS_BRIDGE_TOKENS, which stays pinned and accepted). The token
-- is shown once when created; only its SHA-256 digest and last four characters are stored. A revoked token
-- (revoked_at set) is refused from then on; rows are kept for the history.
CREATE SEQUENCE bridge_token_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE bridge_token (
    id           BIGINT       PRIMARY KEY,
    label        VARCHAR(64)  NOT NULL,
    digest       VARCHAR(64)  NOT NULL,
    hint         VARCHAR(8)   NOT NULL,
    created_by   VARCHAR(256) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE,
    last_used_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT bridge_token_digest_uk UNIQUE (digest)
);
