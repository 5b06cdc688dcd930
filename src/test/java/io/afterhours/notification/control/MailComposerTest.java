package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.notification.entity.ComposedMail;
import io.afterhours.request.boundary.DecisionLinkUrls;
import io.afterhours.request.boundary.DecisionLinks;
import io.afterhours.request.boundary.RequestSubmitted;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private final RequestMails mails = mails();

    private static RequestMails mails() {
        RequestMails mails = new RequestMails();
        mails.portalUrl = "https://afterhours.corp.example/";
        mails.decisionLinks = new DecisionLinks() {
            @Override
            public DecisionLinkUrls forApprover(long requestId, UUID approver) {
                String page = "https://afterhours.corp.example/decide.xhtml?t=" + requestId + ".tok&a=";
                return new DecisionLinkUrls(
                        page + "approve", page + "less", page + "deny", Instant.parse("2026-12-04T21:00:00Z"));
            }
        };
        return mails;
    }

    private static RequestSubmitted request(String requester, String reason, String computer) {
        return new RequestSubmitted(
                17,
                requester,
                UUID.randomUUID(),
                "Mathilde Dubois",
                null,
                Instant.parse("2026-12-03T21:00:00Z"),
                Instant.parse("2026-12-03T22:30:00Z"),
                reason,
                computer);
    }

    @Test
    void userTextIsEscapedInTheHtmlPartAndKeptAsWrittenInTheTextPart() {
        ComposedMail mail = mails.waiting(
                request("Zoé <b>Lefèvre</b>", "<script>alert('x')</script> & more", "PC-<42>"),
                "Mathilde Dubois",
                ZoneId.of("Europe/Paris"),
                Locale.ENGLISH);

        assertFalse(mail.html().contains("<script>"), mail.html());
        assertFalse(mail.html().contains("<b>Lefèvre"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), mail.html());
        assertTrue(mail.html().contains("PC-&lt;42&gt;"), mail.html());
        assertTrue(mail.text().contains("Reason: <script>alert('x')</script> & more"), mail.text());
        assertTrue(mail.text().contains("Denied logon on: PC-<42>"), mail.text());
    }

    @Test
    void showsTheWindowInTheRecipientsZoneWithTheZoneNamedAndAPlainLink() {
        ComposedMail mail = mails.waiting(
                request("Zoé Lefèvre", "Quarter-end close", null),
                "Mathilde Dubois",
                ZoneId.of("Europe/Paris"),
                Locale.ENGLISH);

        assertTrue(mail.text().contains("Window: Thu 3 Dec 2026 22:00–23:30 (Europe/Paris)"), mail.text());
        assertTrue(mail.text().contains("https://afterhours.corp.example/request.xhtml?id=17"), mail.text());
        // Mustache escapes "=" too, which an attribute value decodes.
        assertTrue(
                mail.html().contains("href=\"https://afterhours.corp.example/request.xhtml?id&#61;17\""), mail.html());
        assertFalse(mail.text().contains("Denied logon on"), mail.text());
        assertEquals("Extension request from Zoé Lefèvre waits for your decision", mail.subject());
    }

    @Test
    void theApproverGetsApproveApproveForLessAndDenyButtonsInBothParts() {
        ComposedMail mail = mails.waiting(
                request("Zoé Lefèvre", "Quarter-end close", null),
                "Mathilde Dubois",
                ZoneId.of("Europe/Paris"),
                Locale.ENGLISH);

        String page = "https://afterhours.corp.example/decide.xhtml?t=17.tok&a=";
        assertTrue(mail.text().contains("Approve: " + page + "approve\n"), mail.text());
        assertTrue(mail.text().contains("Approve for less…: " + page + "less\n"), mail.text());
        assertTrue(mail.text().contains("Deny…: " + page + "deny\n"), mail.text());
        assertTrue(mail.text().contains("once, until Fri 4 Dec 2026 22:00 (Europe/Paris)"), mail.text());
        String html = page.replace("=", "&#61;").replace("&a", "&amp;a");
        for (String action : new String[] {"approve", "less", "deny"}) {
            assertTrue(mail.html().contains("<a href=\"" + html + action + "\""), mail.html());
        }
        assertTrue(mail.html().contains(">Approve for less…</a>"), mail.html());
    }

    @Test
    void theDecisionButtonsSpeakFrenchToAFrenchApprover() {
        ComposedMail mail = mails.waiting(
                request("Zoé Lefèvre", "Clôture", null), "Mathilde Dubois", ZoneId.of("UTC"), Locale.FRENCH);

        assertTrue(mail.html().contains(">Approuver moins longtemps…</a>"), mail.html());
        assertTrue(mail.text().contains("Refuser…: https://afterhours.corp.example/decide.xhtml"), mail.text());
    }

    @Test
    void aSubjectCannotCarryALineBreakIntoTheHeaders() {
        ComposedMail mail = mails.waiting(
                request("Eve\r\nBcc: victim@example.com", "x", null), "M", ZoneId.of("UTC"), Locale.ENGLISH);

        assertFalse(mail.subject().contains("\r") || mail.subject().contains("\n"), mail.subject());
        assertEquals("Extension request from Eve Bcc: victim@example.com waits for your decision", mail.subject());
    }

    @Test
    void headerSafeSubjectsAreOneShortLine() {
        assertEquals("a b c", MailComposer.headerSafe("a\u0000\tb\u2028 \n c"));
        assertEquals(200, MailComposer.headerSafe("x".repeat(500)).length());
        assertEquals("", MailComposer.headerSafe(null));
    }
}
