-- Extension requests (product.md F2): one row per requested window. Portable SQL for H2 2.x and PostgreSQL.
CREATE SEQUENCE extension_request_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE extension_request (
    id                BIGINT PRIMARY KEY,
    version           BIGINT                      NOT NULL,
    state             VARCHAR(16)                 NOT NULL,
    origin            VARCHAR(16)                 NOT NULL,
    -- The requester and, as resolved when the request was made, who decides (a snapshot for the record; decisions
    -- re-check the directory).
    requester_guid    CHAR(36)                    NOT NULL,
    requester_account VARCHAR(256)                NOT NULL,
    requester_name    VARCHAR(256),
    approver_guid     CHAR(36),
    approver_name     VARCHAR(256),
    approver_group    VARCHAR(256),
    approver_reason   VARCHAR(32)                 NOT NULL,
    -- The window in force (the approved one once decided) and the window asked for (a decision never widens it).
    window_start      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_end        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    requested_start   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    requested_end     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    session_types     VARCHAR(128)                NOT NULL,
    reason            VARCHAR(1000),
    -- The first denied logon behind it (every one is in request_denial), copied so the evidence outlives the
    -- notification's retention.
    denial_computer   VARCHAR(512),
    denial_client     VARCHAR(255),
    denial_session    VARCHAR(64),
    denial_count      INTEGER                     NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT extension_request_window_ck CHECK (window_end > window_start)
);

CREATE INDEX extension_request_requester_ix ON extension_request (requester_guid, state, window_start);
CREATE INDEX extension_request_approver_ix ON extension_request (approver_guid, state, created_at);

-- Every denied logon attached to a request: the evidence the approver sees.
CREATE TABLE request_denial (
    request_id      BIGINT                      NOT NULL,
    notification_id BIGINT                      NOT NULL,
    denied_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    computer        VARCHAR(512),
    client_address  VARCHAR(255),
    session_type    VARCHAR(64),
    CONSTRAINT request_denial_pk PRIMARY KEY (request_id, notification_id),
    CONSTRAINT request_denial_request_fk FOREIGN KEY (request_id) REFERENCES extension_request (id)
);

-- The decision on a request: at most one (the primary key), so two approvers deciding at once cannot both win.
-- window_* is the window decided on: the approved one, or for a denial the one that was denied.
CREATE TABLE request_decision (
    request_id      BIGINT                      NOT NULL,
    outcome         VARCHAR(16)                 NOT NULL,
    decided_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decided_by_guid CHAR(36)                    NOT NULL,
    decided_by_name VARCHAR(256),
    on_behalf_of    VARCHAR(256),
    window_start    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_end      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    note            VARCHAR(1000),
    CONSTRAINT request_decision_pk PRIMARY KEY (request_id),
    CONSTRAINT request_decision_request_fk FOREIGN KEY (request_id) REFERENCES extension_request (id)
);

-- Which out-of-hours denials the request worker has looked at (NULL: not yet), and the request each one opened or
-- joined. The worker claims unlooked-at denials with FOR UPDATE SKIP LOCKED, so two instances never take the same.
ALTER TABLE notification ADD COLUMN request_checked_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN request_id BIGINT;
CREATE INDEX notification_request_todo_ix ON notification (classification, request_checked_at, id);
