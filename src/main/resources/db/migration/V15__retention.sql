-- Periodic jobs that one instance runs at a time (the retention purge): an instance runs a job only after moving
-- next_run_at forward with a conditional UPDATE, which exactly one of several instances wins.
CREATE TABLE scheduled_job (
    name        VARCHAR(64)                 PRIMARY KEY,
    next_run_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_run_by VARCHAR(128)
);

INSERT INTO scheduled_job (name, next_run_at) VALUES ('retention', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');

-- What the purge looks for: closed requests by their last change, the rows that point at a request or notification.
CREATE INDEX extension_request_updated_ix ON extension_request (updated_at, state);
CREATE INDEX notification_request_ix ON notification (request_id);
CREATE INDEX request_denial_notification_ix ON request_denial (notification_id);
CREATE INDEX extension_usage_event_notification_ix ON extension_usage_event (notification_id);
CREATE INDEX userlock_action_updated_ix ON userlock_action (updated_at, state);

INSERT INTO scheduled_job (name, next_run_at) VALUES ('audit-digest', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
