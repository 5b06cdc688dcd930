package io.afterhours.notification.entity;

/** Where an outbox row stands: waiting or retrying, accepted by the SMTP server, or given up after the retry limit. */
public enum MailState {
    QUEUED,
    SENT,
    DEAD
}
