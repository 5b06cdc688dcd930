package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.notification.boundary.ReceivedMail;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo mailbox's server over real SMTP, with the message the portal's sender builds. */
class DemoMailServerTest {

    @Test
    void aMailSentOverSmtpIsDrainedOnceWithItsPartsAndHeaders() throws Exception {
        try (DemoMailServer server = DemoMailServer.start(0)) {
            assertTrue(server.port() > 0, "a free port was picked: " + server.port());
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", "127.0.0.1");
            props.setProperty("mail.smtp.port", Integer.toString(server.port()));
            Session session = Session.getInstance(props);
            MailSender sender = new MailSender();
            sender.settings = new MailSettings();
            sender.settings.from = "afterhours@localhost";
            sender.settings.fromName = "Afterhours";
            sender.settings.replyTo = java.util.Optional.empty();
            Transport.send(sender.message(
                    session,
                    new OutgoingMail(
                            7,
                            "<outbox-7.abc@afterhours>",
                            "m@corp.local",
                            "Zoë Lefèvre",
                            "Subject é",
                            "text part",
                            "<p>html</p>")));

            List<DemoMailServer.Arrived> first = server.drain();
            List<DemoMailServer.Arrived> second = server.drain();

            assertEquals(1, first.size());
            assertEquals(0, second.size());
            ReceivedMail mail = ReceivedMails.of(1, first.get(0));
            assertEquals("Subject é", mail.subject());
            assertEquals("<outbox-7.abc@afterhours>", mail.messageId());
            assertEquals("Zoë Lefèvre <m@corp.local>", mail.to(), "the name decoded, as a person reads it");
            assertEquals("text part", mail.text().strip());
            assertEquals("<p>html</p>", mail.html().strip());
            assertTrue(mail.headers().contains("Message-ID: <outbox-7.abc@afterhours>"), mail.headers());
        }
    }
}
