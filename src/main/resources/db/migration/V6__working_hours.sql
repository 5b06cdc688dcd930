-- Working-hours policies (product.md F10): a default policy and per-group overrides, each a set of weekly time
-- frames in a named zone, like UserLock's "authorised" hour restrictions. Portable SQL for H2 2.x and PostgreSQL.
CREATE SEQUENCE working_hours_policy_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE working_hours_policy (
    id              BIGINT PRIMARY KEY,
    version         BIGINT       NOT NULL,
    name            VARCHAR(128) NOT NULL,
    -- The directory group (CN) an override applies to; NULL for the default policy.
    directory_group VARCHAR(256),
    -- '*' for the default policy, else the group in lower case: one policy per group and exactly one default, kept
    -- by the unique constraint (two instances seeding the default at once store one).
    scope_key       VARCHAR(256) NOT NULL,
    -- Among the overrides of a person's groups, the highest priority wins.
    priority        INTEGER      NOT NULL,
    zone            VARCHAR(64)  NOT NULL,
    CONSTRAINT working_hours_policy_scope_uk UNIQUE (scope_key)
);

-- One authorised frame on one weekday. start_time = end_time = 00:00 is the whole day; end before start runs
-- overnight and belongs to the day it starts on (UserLock's conventions).
CREATE TABLE working_hours_frame (
    policy_id     BIGINT      NOT NULL,
    position      INTEGER     NOT NULL,
    weekday       VARCHAR(9)  NOT NULL,
    start_time    TIME        NOT NULL,
    end_time      TIME        NOT NULL,
    session_types VARCHAR(64) NOT NULL,
    CONSTRAINT working_hours_frame_policy_fk FOREIGN KEY (policy_id) REFERENCES working_hours_policy (id)
);

CREATE INDEX working_hours_frame_policy_ix ON working_hours_frame (policy_id, position);

-- The request worker now takes every denial by UserLock and re-classifies it under the person's own policy. Denials
-- stored before this version were classified for good: mark the in-hours ones as looked at, so an upgrade does not
-- open requests for old windows.
UPDATE notification SET request_checked_at = received_at
    WHERE classification = 'IN_HOURS_DENIAL' AND request_checked_at IS NULL;
