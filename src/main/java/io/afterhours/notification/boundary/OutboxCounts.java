package io.afterhours.notification.boundary;

/** How many outbox rows stand in each status, for the top of the outbox page. */
public record OutboxCounts(long pending, long failed, long sent, long dead) {}
