-- Indexes for the reports (issue 7): every chart groups one indexed date range. Portable SQL for H2 2.x and
-- PostgreSQL.

-- Out-of-hours denials per day: by the time UserLock denied the logon.
CREATE INDEX notification_denial_time_ix ON notification (classification, event_time);
-- Requests by outcome, time to decision, top requesters: the requests made in the period.
CREATE INDEX extension_request_created_ix ON extension_request (created_at);
-- Extensions used or not: the approved windows that ended in the period.
CREATE INDEX extension_request_window_end_ix ON extension_request (window_end);
