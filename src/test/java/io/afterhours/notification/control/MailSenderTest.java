package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSenderTest {

    @Test
    void theMessageKeepsTheRowsMessageIdWhenJakartaMailPreparesItForSending() throws Exception {
        MailSender sender = new MailSender();
        sender.settings = new MailSettings();
        sender.settings.from = "afterhours@corp.local";
        sender.settings.fromName = "Afterhours";
        sender.settings.replyTo = Optional.empty();
        OutgoingMail mail = new OutgoingMail(
                7, "<outbox-7.abc@afterhours>", "m@corp.local", "M", "Subject\r\nBcc: x@y", "text", "<p>html</p>");

        MimeMessage message = sender.message(Session.getInstance(new Properties()), mail);
        message.saveChanges();
        message.saveChanges();

        assertEquals("<outbox-7.abc@afterhours>", message.getMessageID());
        assertEquals("Subject Bcc: x@y", message.getSubject());
    }
}
