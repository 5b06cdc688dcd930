package io.afterhours.admin.boundary;

import java.time.Instant;

/** A dead mail or a dead UserLock action, for the health page: what, about whom, when, and the last error. */
public record RecentFailure(String kind, long id, String subject, Instant at, String error) {}
