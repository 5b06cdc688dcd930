package io.afterhours.notification.boundary;

import java.time.Instant;

/**
 * A mail the demo mailbox received, as the SMTP server got it: the raw header lines and the parts (either may be
 * empty). The HTML part is the mail's own markup, to be shown only inside a sandbox.
 */
public record ReceivedMail(
        long id,
        Instant receivedAt,
        String from,
        String to,
        String subject,
        String messageId,
        String headers,
        String text,
        String html) {}
