package io.afterhours.request.boundary;

/**
 * The escalation timer of a still-pending request fired: {@code request} names the escalation approver (or group) as
 * its approver. Fired synchronously inside the timer's transaction.
 */
public record RequestEscalated(RequestSubmitted request) {}
