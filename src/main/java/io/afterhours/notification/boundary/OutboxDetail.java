package io.afterhours.notification.boundary;

import io.afterhours.notification.entity.OutboxMessage;

/**
 * One outbox row with its message as sent: the Message-ID every attempt carries, the recipient's name and both
 * parts. The HTML part is the mail's own markup, to be shown only inside a sandbox, never in the portal's page.
 */
public record OutboxDetail(OutboxSummary summary, String messageId, String recipientName, String text, String html) {

    static OutboxDetail of(OutboxMessage m, String messageId) {
        return new OutboxDetail(OutboxSummary.of(m), messageId, m.recipientName(), m.textBody(), m.htmlBody());
    }
}
