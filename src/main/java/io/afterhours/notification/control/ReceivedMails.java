package io.afterhours.notification.control;

import io.afterhours.notification.boundary.ReceivedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a received MIME message into what the demo mailbox shows: headers as sent, the text and the HTML part. */
final class ReceivedMails {

    private ReceivedMails() {}

    static ReceivedMail of(long id, DemoMailServer.Arrived arrived) {
        MimeMessage message = arrived.message();
        try {
            Parts parts = new Parts();
            parts.collect(message);
            String headers =
                    Collections.list(message.getAllHeaderLines()).stream().collect(Collectors.joining("\n"));
            return new ReceivedMail(
                    id,
                    arrived.receivedAt() == null
                            ? Instant.now()
                            : arrived.receivedAt().toInstant(),
                    joined(message.getHeader("From")),
                    joined(message.getHeader("To")),
                    message.getSubject(),
                    message.getMessageID(),
                    headers,
                    parts.text,
                    parts.html);
        } catch (MessagingException | IOException e) {
            // A mail the demo cannot read is still listed, with the reason in place of its parts.
            return new ReceivedMail(id, Instant.now(), "", "", "(unreadable mail)", "", e.toString(), "", "");
        }
    }

    /** The header's values as a person reads them: encoded words ("=?UTF-8?Q?Zo=C3=AB?=") decoded. */
    private static String joined(String[] values) {
        if (values == null) {
            return "";
        }
        List<String> decoded = new ArrayList<>();
        for (String value : values) {
            try {
                decoded.add(MimeUtility.decodeText(MimeUtility.unfold(value)));
            } catch (UnsupportedEncodingException e) {
                decoded.add(value);
            }
        }
        return String.join(", ", decoded);
    }

    /** The first text/plain and the first text/html part, however deeply nested in multiparts. */
    private static final class Parts {

        String text = "";
        String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
