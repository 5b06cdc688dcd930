-- Usage of granted extensions (product.md F6). Portable SQL for H2 2.x and PostgreSQL.

-- Which logon/logoff notifications the usage worker has looked at (NULL: not yet). Claimed with FOR UPDATE SKIP
-- LOCKED, like the denials, so two instances never link the same notification.
ALTER TABLE notification ADD COLUMN usage_checked_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX notification_usage_todo_ix ON notification (event_category, usage_checked_at, id);

-- A logon or logoff linked to the granted window it falls in. The primary key makes linking idempotent: a
-- notification taken twice links once. Sessions and totals are computed from these rows when shown, so a late
-- notification (out of order) simply takes its place. Copied fields outlive the notification's retention.
CREATE TABLE extension_usage_event (
    request_id      BIGINT                      NOT NULL,
    notification_id BIGINT                      NOT NULL,
    kind            VARCHAR(8)                  NOT NULL,
    event_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    computer        VARCHAR(512),
    client_address  VARCHAR(255),
    session_id      VARCHAR(128),
    CONSTRAINT extension_usage_event_pk PRIMARY KEY (request_id, notification_id),
    CONSTRAINT extension_usage_event_request_fk FOREIGN KEY (request_id) REFERENCES extension_request (id)
);
