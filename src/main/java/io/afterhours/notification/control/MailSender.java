package io.afterhours.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends one outbox row over SMTP: multipart/alternative (text, then HTML), with the row's stable Message-ID. */
@ApplicationScoped
public class MailSender {

    @Inject
    MailSettings settings;

    /** Returns once the server accepted the message; throws if it did not. */
    public void send(OutgoingMail mail) throws MessagingException {
        Transport.send(message(settings.session(), mail));
    }

    MimeMessage message(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, mail.messageId());
        try {
            message.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address(), mail.name(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        if (settings.replyTo().isPresent()) {
            message.setReplyTo(InternetAddress.parse(settings.replyTo().get()));
        }
        message.setSubject(MailComposer.headerSafe(mail.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    /** Keeps the given Message-ID: Jakarta Mail would otherwise make a new one on every send. */
    static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
