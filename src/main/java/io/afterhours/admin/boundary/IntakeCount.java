package io.afterhours.admin.boundary;

/**
 * A webhook intake counter of this instance since it started (IntakeMetrics): {@code what} is accepted-stored,
 * accepted-duplicate, accepted-spooled, replayed-…, quarantined or rejected, {@code detail} the server slot or reason.
 */
public record IntakeCount(String what, String detail, long count) {}
