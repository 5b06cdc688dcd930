package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the decision links out of the mails GreenMail received, as a manager's mail client would show them. */
final class MailLinks {

    private static final Pattern TEXT = Pattern.compile("(\\S+/decide\\.xhtml\\?t=[A-Za-z0-9._-]+&a=[a-z]+)");
    private static final Pattern HTML = Pattern.compile("href=\"([^\"]*decide\\.xhtml[^\"]*)\"");

    private MailLinks() {}

    /** The SMTP server the server under test sends to (pom.xml gives both the same port: it.smtp.port followed by the fork number); not started. */
    static GreenMail greenMail() {
        return new GreenMail(new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** The port the server under test sends mail to. */
    static int smtpPort() {
        return Integer.parseInt(System.getProperty("afterhours.it.smtp.port", "3025"));
    }

    /** The mail about request {@code id} (its text part links to the request page), waiting up to 30 s for it. */
    static MimeMessage awaitMailAbout(GreenMail smtp, long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String text = (String)
                        ((Multipart) message.getContent()).getBodyPart(0).getContent();
                if (text.contains("request.xhtml?id=" + id + "\n")
                        || text.contains("request.xhtml?id=" + id + "\r\n")) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        assertFalse(true, "no mail about request " + id);
        return null;
    }

    static List<String> inText(String text) {
        List<String> links = new ArrayList<>();
        for (Matcher m = TEXT.matcher(text); m.find(); ) {
            links.add(m.group(1));
        }
        return links;
    }

    /** The href values, decoded as a browser decodes an attribute (Mustache escapes "=" and "&"). */
    static List<String> inHtml(String html) {
        List<String> links = new ArrayList<>();
        for (Matcher m = HTML.matcher(html); m.find(); ) {
            links.add(m.group(1).replace("&#61;", "=").replace("&amp;", "&"));
        }
        return links;
    }

    /** The link relative to the portal (the tests' server is not at afterhours.portal.url). */
    static String path(String link) {
        return link.substring(link.indexOf("decide.xhtml"));
    }
}
