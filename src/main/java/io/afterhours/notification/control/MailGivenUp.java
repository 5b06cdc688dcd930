package io.afterhours.notification.control;

/**
 * An outbox row became DEAD after the retry limit. Fired synchronously inside the transaction that marked it, so the
 * administrators' alert is queued with it.
 */
public record MailGivenUp(long id, String kind, String address, int attempts, String error) {}
