package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.notification.entity.ComposedMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mail kind renders in both languages with every text it uses: a key missing from one bundle, or a template
 * naming a text no bundle has, fails here (Mustache would silently print nothing).
 */
class MessageTemplatesTest {

    static final List<String> KINDS = List.of(
            RequestMails.WAITING,
            RequestMails.REMINDER,
            RequestMails.ESCALATED,
            RequestMails.DECIDED_ELSEWHERE,
            RequestMails.OPENED,
            RequestMails.APPROVED,
            RequestMails.DENIED,
            RequestMails.ENDING_SOON,
            AdminMails.MAIL_DEAD,
            AdminMails.UNKNOWN_IDS);

    private static final Pattern TEXT = Pattern.compile("\\{\\{[#^/]?t\\.(\\w+)}}");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Properties english = bundle("texts.properties");
        Properties french = bundle("texts_fr.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(french.stringPropertyNames()));
        for (String key : french.stringPropertyNames()) {
            assertFalse(french.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void theFrenchBundleIsReadAsUtf8() {
        ComposedMail mail = render(RequestMails.DENIED, Locale.FRENCH);
        assertTrue(mail.subject().startsWith("Votre demande d’extension a été refusée par"), mail.subject());
        assertTrue(mail.text().contains("Décidé par"), mail.text());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyTextATemplateUsesExistsForItsKindInBothLanguages(String kind) throws IOException {
        for (String file : List.of(kind + ".txt.mustache", kind + ".html.mustache")) {
            String template = resource(file);
            Matcher used = TEXT.matcher(template);
            Set<String> names = new TreeSet<>();
            while (used.find()) {
                names.add(used.group(1));
            }
            names.add("footer");
            for (String bundle : List.of("texts.properties", "texts_fr.properties")) {
                Properties texts = bundle(bundle);
                for (String name : names) {
                    assertTrue(
                            texts.containsKey(kind + "." + name) || texts.containsKey(name),
                            bundle + " has no text " + name + " for " + file);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindRendersBothPartsInEnglishAndFrench(String kind) {
        ComposedMail english = render(kind, Locale.ENGLISH);
        ComposedMail french = render(kind, Locale.FRENCH);

        for (ComposedMail mail : List.of(english, french)) {
            assertFalse(mail.subject().isBlank(), kind);
            assertFalse(mail.subject().contains("{"), mail.subject());
            assertTrue(mail.text().contains("https://portal.example/request.xhtml?id=5"), mail.text());
            assertTrue(mail.html().contains("<meta name=\"viewport\""), mail.html());
            // Mustache escapes '=' too; a mail client reads the entity back.
            assertTrue(mail.html().contains("href=\"https://portal.example/request.xhtml?id&#61;5\""), mail.html());
            assertFalse(mail.html().contains("<b>"), "user text is escaped: " + mail.html());
        }
        assertFalse(english.subject().equals(french.subject()), kind);
        assertTrue(french.text().contains("portail"), french.text());
    }

    static List<String> kinds() {
        return KINDS;
    }

    /** Every value any template reads, user text among them with markup in it. */
    static ComposedMail render(String kind, Locale locale) {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant start = Instant.parse("2026-12-03T21:00:00Z");
        Instant end = Instant.parse("2026-12-03T22:30:00Z");
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Zoé <b>Lefèvre</b>");
        values.put("approverName", "Karim <b>Benali</b>");
        values.put("requesterName", "Zoé <b>Lefèvre</b>");
        values.put("decidedBy", "Karim <b>Benali</b>");
        values.put("window", MailComposer.window(start, end, paris, locale));
        values.put("asked", MailComposer.window(start, end.plusSeconds(3600), paris, locale));
        values.put("reason", "Quarter <b>close</b>");
        values.put("note", "Not <b>tonight</b>");
        values.put("computer", "PC-<b>42</b>");
        values.put("end", RequestMails.time(end, paris, locale));
        values.put("submitted", true);
        values.put("shortened", true);
        values.put("approved", true);
        values.put("kind", "request-waiting");
        values.put("address", "x<b>@corp.local");
        values.put("attempts", 8);
        values.put("error", "550 <b>no</b>");
        values.put("refused", 12L);
        values.put("from", MailComposer.moment(start, paris, locale));
        values.put("to", MailComposer.moment(end, paris, locale));
        values.put("ids", List.of("5f2c…9a1b", "<b>…"));
        values.put("link", "https://portal.example/request.xhtml?id=5");
        Object[] subject = kind.equals(RequestMails.APPROVED) || kind.equals(AdminMails.UNKNOWN_IDS)
                ? new Object[] {1}
                : new Object[] {"Zoé <b>Lefèvre</b>", "Karim <b>Benali</b>"};
        return new MailComposer().compose(kind, locale, values, subject);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageTemplatesTest.class.getResourceAsStream("/" + MailComposer.ROOT + "/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MessageTemplatesTest.class.getResourceAsStream("/" + MailComposer.ROOT + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
