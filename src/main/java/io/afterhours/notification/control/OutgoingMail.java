package io.afterhours.notification.control;

/** What the sender needs of one claimed outbox row, read in the claim transaction and sent outside it. */
public record OutgoingMail(
        long id, String messageId, String address, String name, String subject, String text, String html) {}
