-- The UserLock action queue and the bridges (issue 6, docs/bridge-api.md). Portable SQL for H2 2.x and PostgreSQL.
-- No nullable timestamp anywhere (InstantConverter): an absent moment or window is the epoch.

-- One temporary protected account per user and merged window, keyed by its deterministic account_key: what the portal
-- asked UserLock to hold (window_*) and what the bridge last confirmed it holds (applied_*, the epoch while nothing is
-- applied). live = false once the account is no longer wanted (a REMOVE was queued, or it was never applied).
CREATE TABLE userlock_account (
    account_key    VARCHAR(16)                 PRIMARY KEY,
    requester_guid VARCHAR(36)                 NOT NULL,
    account        VARCHAR(300)                NOT NULL,
    window_start   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_end     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    request_ids    VARCHAR(1000)               NOT NULL,
    applied_start  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    applied_end    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    userlock_id    VARCHAR(200),
    live           BOOLEAN                     NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX userlock_account_requester_ix ON userlock_account (requester_guid, live);

-- One row per thing to do in UserLock. QUEUED (due at due_at) -> LEASED (to lease_holder until lease_expires_at,
-- proven by lease_token) -> SUCCEEDED, or back to QUEUED with backoff after a failure, or DEAD after the limit.
-- SUPERSEDED: a newer action for the same account replaced it before any bridge took it.
CREATE SEQUENCE userlock_action_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE userlock_action (
    id               BIGINT                      PRIMARY KEY,
    version          BIGINT                      NOT NULL,
    account_key      VARCHAR(16)                 NOT NULL,
    action_type      VARCHAR(8)                  NOT NULL,
    state            VARCHAR(16)                 NOT NULL,
    requester_guid   VARCHAR(36)                 NOT NULL,
    account          VARCHAR(300)                NOT NULL,
    window_start     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    window_end       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    previous_start   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    previous_end     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    session_types    VARCHAR(200)                NOT NULL,
    request_ids      VARCHAR(1000)               NOT NULL,
    attempt          INTEGER                     NOT NULL,
    due_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_token      VARCHAR(64),
    lease_holder     VARCHAR(64),
    lease_expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(8192),
    userlock_id      VARCHAR(200),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT userlock_action_type_ck CHECK (action_type IN ('APPLY', 'REMOVE')),
    CONSTRAINT userlock_action_state_ck
        CHECK (state IN ('QUEUED', 'LEASED', 'SUCCEEDED', 'DEAD', 'SUPERSEDED'))
);
CREATE INDEX userlock_action_due_ix ON userlock_action (state, due_at);
CREATE INDEX userlock_action_key_ix ON userlock_action (account_key, state);

-- The bridges that called, by the name in X-Afterhours-Bridge: last seen, and when their last inventory was taken.
CREATE TABLE userlock_bridge (
    name              VARCHAR(64)                 PRIMARY KEY,
    last_seen         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    inventory_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    inventory_count   INTEGER                     NOT NULL
);

-- Each bridge's last inventory: the temporary protected accounts it found in UserLock (replaced by every report).
CREATE TABLE userlock_inventory (
    bridge      VARCHAR(64)                 NOT NULL,
    position    INTEGER                     NOT NULL,
    account     VARCHAR(300)                NOT NULL,
    account_key VARCHAR(64),
    userlock_id VARCHAR(200),
    start_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    end_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bridge, position)
);
