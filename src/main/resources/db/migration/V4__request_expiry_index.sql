-- Finding undecided requests whose window has passed (the expiry job) without scanning every request.
CREATE INDEX extension_request_open_ix ON extension_request (state, window_end);
