-- Stored UserLock notifications. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE notification (
    id               BIGINT PRIMARY KEY,
    -- SHA-256 of the canonical body without the sending server: the event's identity (dedupe).
    dedupe_key       CHAR(64)                    NOT NULL,
    received_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    event_time       TIMESTAMP(6) WITH TIME ZONE,
    event_time_text  VARCHAR(64),
    time_quality     VARCHAR(16)                 NOT NULL,
    event_type       INTEGER,
    event_category   VARCHAR(24)                 NOT NULL,
    classification   VARCHAR(24)                 NOT NULL,
    mapped           BOOLEAN                     NOT NULL,
    server_slot      VARCHAR(16)                 NOT NULL,
    server_fqdn      VARCHAR(255),
    server_name      VARCHAR(255),
    user_name        VARCHAR(512),
    user_domain      VARCHAR(255),
    computer         VARCHAR(512),
    client_address   VARCHAR(255),
    session_type     VARCHAR(64),
    session_id       VARCHAR(128),
    details          VARCHAR(2000),
    unmapped_members VARCHAR(1000),
    raw_json         VARCHAR(262144)             NOT NULL,
    CONSTRAINT notification_dedupe_key_uk UNIQUE (dedupe_key)
);

CREATE INDEX notification_received_at_ix ON notification (received_at);
CREATE INDEX notification_user_ix ON notification (user_name, received_at);
CREATE INDEX notification_classification_ix ON notification (classification, received_at);
CREATE INDEX notification_server_ix ON notification (server_slot, received_at);
