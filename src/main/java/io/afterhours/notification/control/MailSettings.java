package io.afterhours.notification.control;

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

    private volatile Session session;

    public Session session() {
        Session current = session;
        if (current == null) {
            current = build();
            session = current;
        }
        return current;
    }

    public String from() {
        return from;
    }

    public String fromName() {
        return fromName;
    }

    public Optional<String> replyTo() {
        return replyTo.filter(s -> !s.isBlank());
    }

    /** The longest one send may take before it times out: connecting, then the server's answers and our writes. */
    public Duration longestSend() {
        return connectTimeout.plus(readTimeout.multipliedBy(2));
    }

    /** "host:port" for log lines. */
    public String server() {
        return host + ":" + port;
    }

    Session build() {
        String mode = security.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("none") && !mode.equals("starttls") && !mode.equals("smtps")) {
            throw new IllegalStateException(
                    "afterhours.mail.security must be none, starttls or smtps, not " + security);
        }
        String protocol = mode.equals("smtps") ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
        props.setProperty(p + "timeout", Long.toString(readTimeout.toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(readTimeout.toMillis()));
        props.setProperty(p + "from", from);
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
}
