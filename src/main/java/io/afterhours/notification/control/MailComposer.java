package io.afterhours.notification.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.afterhours.notification.entity.ComposedMail;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Renders mails from the Mustache templates in {@code io/afterhours/notification/mail}: {@code <kind>.txt.mustache}
 * (no escaping) and {@code <kind>.html.mustache} (every {@code {{value}}} HTML-escaped), with the texts of the bundle
 * {@code io.afterhours.notification.mail.texts} in the recipient's language. Subjects are made safe for a header.
 */
public class MailComposer {

    static final String ROOT = "io/afterhours/notification/mail";
    private static final String BUNDLE = "io.afterhours.notification.mail.texts";
    private static final int MAX_SUBJECT = 200;

    private final MustacheFactory html = new DefaultMustacheFactory(ROOT);
    private final MustacheFactory text = new DefaultMustacheFactory(ROOT) {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /**
     * Renders {@code kind} for a recipient speaking {@code locale}; {@code values} are the template's data (user text
     * among them, raw: the HTML part escapes it), {@code subjectArgs} fill the bundle's {@code <kind>.subject}.
     */
    public ComposedMail compose(String kind, Locale locale, Map<String, Object> values, Object... subjectArgs) {
        // No fallback to the server's default locale: an English mail must not turn French on a French-speaking host.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                locale,
                MailComposer.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new HashMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            // The kind's own texts by their short name ({{t.intro}}), the shared ones ({{t.footer}}) as they are.
            String key = keys.nextElement();
            if (key.startsWith(kind + ".")) {
                texts.put(key.substring(kind.length() + 1), bundle.getString(key));
            } else if (!key.contains(".")) {
                texts.put(key, bundle.getString(key));
            }
        }
        Map<String, Object> scope = new HashMap<>(values);
        scope.put("t", texts);
        String subject = headerSafe(new MessageFormat(bundle.getString(kind + ".subject"), locale).format(subjectArgs));
        return new ComposedMail(subject, render(text, kind + ".txt", scope), render(html, kind + ".html", scope));
    }

    /** One line of at most 200 characters: control characters (CR, LF among them) become spaces. */
    public static String headerSafe(String value) {
        String line = value == null
                ? ""
                : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ")
                        .replaceAll(" {2,}", " ")
                        .strip();
        return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
    }

    /** A window in the recipient's zone, with the zone named: "Thu 3 Dec 2026 22:00–23:30 (Europe/Paris)". */
    public static String window(Instant start, Instant end, ZoneId zone, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        String until = from.toLocalDate().equals(to.toLocalDate()) ? time.format(to) : day.format(to);
        return day.format(from) + "–" + until + " (" + zone.getId() + ")";
    }

    /** One moment in the recipient's zone, with the zone named: "Fri 4 Dec 2026 22:00 (Europe/Paris)". */
    public static String moment(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", locale).format(instant.atZone(zone)) + " ("
                + zone.getId() + ")";
    }

    private static String render(MustacheFactory factory, String name, Map<String, Object> scope) {
        Mustache template = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }
}
