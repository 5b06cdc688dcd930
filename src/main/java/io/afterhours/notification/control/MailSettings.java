package io.afterhours.notification.control;

import io.afterhours.admin.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP connection as configured ({@code afterhours.mail.*}), as a Jakarta Mail {@link Session} of the mail
 * implementation Payara ships. The password comes from the environment only ({@code AFTERHOURS_MAIL_PASSWORD}).
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "afterhours.mail.host")
    String host;

    @Inject
    @ConfigProperty(name = "afterhours.mail.port")
    int port;

    @Inject
    @ConfigProperty(name = "afterhours.mail.security")
    String security;

    @Inject
    @ConfigProperty(name = "afterhours.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "afterhours.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "afterhours.mail.from")
    String from;

    @Inject
    @ConfigProperty(name = "afterhours.mail.from-name")
    String fromName;

    @Inject
    @ConfigProperty(name = "afterhours.mail.reply-to")
    Optional<String> replyTo;

    @Inject
    @ConfigProperty(name = "afterhours.mail.connect-timeout")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "afterhours.mail.read-timeout")
    Duration readTimeout;

    @Inject
    DemoMail demoMail;

    /** Absent in unit tests that build this by hand: the values above apply then. */
    @Inject
    Settings portal;

    /** The session and the settings it was built from: a change saved on the Settings page builds a new one. */
    private record Built(String from, Session session) {}

    private volatile Built built;

    public Session session() {
        String signature = String.join(
                "|",
                host(),
                Integer.toString(port()),
                security(),
                from(),
                connectTimeout().toString(),
                readTimeout().toString());
        Built current = built;
        if (current == null || !current.from().equals(signature)) {
            current = new Built(signature, build());
            built = current;
        }
        return current.session();
    }

    public String from() {
        return portal == null ? from : portal.value("afterhours.mail.from");
    }

    public String fromName() {
        return portal == null ? fromName : portal.value("afterhours.mail.from-name");
    }

    public Optional<String> replyTo() {
        return (portal == null ? replyTo : Optional.of(portal.value("afterhours.mail.reply-to")))
                .filter(s -> !s.isBlank());
    }

    /** The longest one send may take before it times out: connecting, then the server's answers and our writes. */
    public Duration longestSend() {
        return connectTimeout().plus(readTimeout().multipliedBy(2));
    }

    /** "host:port" for log lines. */
    public String server() {
        return demoMail != null && demoMail.enabled() ? "the demo mailbox" : host() + ":" + port();
    }

    /* The values an administrator may change on the Settings page are read through Settings on every use. */

    private String host() {
        return portal == null ? host : portal.value("afterhours.mail.host");
    }

    private int port() {
        return portal == null ? port : Integer.parseInt(portal.value("afterhours.mail.port"));
    }

    private String security() {
        return portal == null ? security : portal.value("afterhours.mail.security");
    }

    private Duration connectTimeout() {
        return portal == null ? connectTimeout : portal.duration("afterhours.mail.connect-timeout");
    }

    private Duration readTimeout() {
        return portal == null ? readTimeout : portal.duration("afterhours.mail.read-timeout");
    }

    Session build() {
        if (demoMail != null && demoMail.enabled()) {
            return demoSession(demoMail.port());
        }
        String mode = security().strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("none") && !mode.equals("starttls") && !mode.equals("smtps")) {
            throw new IllegalStateException(
                    "afterhours.mail.security must be none, starttls or smtps, not " + security());
        }
        String protocol = mode.equals("smtps") ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", host());
        props.setProperty(p + "port", Integer.toString(port()));
        props.setProperty(
                p + "connectiontimeout", Long.toString(connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(readTimeout().toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(readTimeout().toMillis()));
        props.setProperty(p + "from", from());
        if (mode.equals("starttls")) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (!mode.equals("none")) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        Optional<String> user = username.filter(s -> !s.isBlank());
        if (user.isEmpty()) {
            return Session.getInstance(props);
        }
        props.setProperty(p + "auth", "true");
        String secret = password.orElse("");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.get(), secret);
            }
        });
    }

    /** Plain SMTP to the demo mailbox on loopback, with the configured timeouts; no authentication. */
    Session demoSession(int demoPort) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(demoPort));
        props.setProperty(
                "mail.smtp.connectiontimeout", Long.toString(connectTimeout().toMillis()));
        props.setProperty("mail.smtp.timeout", Long.toString(readTimeout().toMillis()));
        props.setProperty("mail.smtp.writetimeout", Long.toString(readTimeout().toMillis()));
        props.setProperty("mail.smtp.from", from());
        return Session.getInstance(props);
    }
}
