package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administrators' outbox pages over real HTTP: a mail the SMTP server refused shows as failed with its error,
 * its HTML part only inside a sandboxed frame; a dead mail retried now reaches the SMTP server (GreenMail on
 * {@code it.smtp.port}) exactly once, becomes SENT, and the retry is audited with the administrator as its actor.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";
    private static final Pattern MAIL_ROW = Pattern.compile("data-mail=\"(\\d+)\"");
    private static final Pattern ZONED_TIME =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\([\\w/+-]+\\)");

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;
    GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        driver = new RequestDriver(base);
        smtp = MailLinks.greenMail();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aMailTheServerRefusedShowsAsFailedWithItsErrorAndItsHtmlOnlyInASandbox() throws Exception {
        String user = "obx" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long request =
                driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Close <script>alert(1)</script> & co");
        awaitFailedAttempt(request);
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");

        String list =
                admin.get("admin/outbox.xhtml?status=failed&request=" + request).body();

        long mail = onlyMailRow(list);
        assertTrue(list.contains("data-status=\"FAILED\""), list);
        assertTrue(list.contains("data-error=\"" + mail + "\""), "the last error is shown");
        String detail = admin.get("admin/outbox-message.xhtml?id=" + mail).body();
        assertTrue(detail.contains("data-status=\"FAILED\""), detail);
        assertTrue(detail.contains("&lt;outbox-" + mail + "."), "the row's Message-ID: " + detail);
        assertTrue(detail.contains("127.0.0.1"), "the error names the server: " + detail);
        assertTrue(ZONED_TIME.matcher(detail).find(), "times carry their zone");
        assertTrue(detail.contains("Reason: Close &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), "the text part");
        assertTrue(detail.contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\""), detail);
        assertFalse(detail.contains("allow-scripts"), detail);
        assertFalse(detail.contains("allow-same-origin"), detail);
        assertTrue(detail.contains("Close &amp;lt;script&amp;gt;alert(1)"), "the HTML part escaped in srcdoc");
        assertFalse(detail.contains("<script>alert(1)"), "no mail text becomes markup of the page");
        assertFalse(detail.contains("<p><strong>"), "the mail's markup is only inside the srcdoc attribute");
    }

    @Test
    void aDeadMailRetriedNowIsSentOnceBecomesSentAndTheRetryIsAudited() throws Exception {
        String user = "obx" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long request = driver.askAhead(new PortalSession(base).signedInAs(user), 30, "Dead letter");
        RequestDriver.await(
                () -> ItSupport.post(base, "api/it-probe/mail/dead?request=" + request, null, new byte[0])
                        .body(),
                "1"::equals);
        smtp.start();
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        long mail = onlyMailRow(
                admin.get("admin/outbox.xhtml?status=dead&request=" + request).body());
        String page = admin.get("admin/outbox-message.xhtml?id=" + mail).body();
        assertTrue(page.contains("data-status=\"DEAD\""), page);

        HttpResponse<String> retried =
                admin.click("admin/outbox-message.xhtml?id=" + mail, page, "message:retry", true);

        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("is due again"), retried.body());
        assertEquals(1, mailsAbout(request).size());
        RequestDriver.await(() -> outbox(request), rows -> rows.contains("|SENT|"));
        assertTrue(
                get(base, "api/it-probe/audit/of?subject=mail%20" + mail).body().contains("mail.retry|aadmin|"),
                get(base, "api/it-probe/audit/of?subject=mail%20" + mail).body());
        String after = admin.get("admin/outbox-message.xhtml?id=" + mail).body();
        assertTrue(after.contains("data-status=\"SENT\""), after);
        assertFalse(after.contains("id=\"message:retry\""), "nothing to retry once sent");
    }

    private String outbox(long request) {
        return get(base, "api/it-probe/mail?request=" + request).body();
    }

    private void awaitFailedAttempt(long request) throws InterruptedException {
        // The worker tries one row per run while the server is down, and other classes' rows wait too.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!outbox(request).matches(".*\\|QUEUED\\|[1-9]\\d*\".*")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertTrue(outbox(request).matches(".*\\|QUEUED\\|[1-9]\\d*\".*"), outbox(request));
    }

    private static long onlyMailRow(String page) {
        Matcher row = MAIL_ROW.matcher(page);
        assertTrue(row.find(), "a mail row is listed: " + page);
        long id = Long.parseLong(row.group(1));
        while (row.find()) {
            assertEquals(id, Long.parseLong(row.group(1)), "one mail row only");
        }
        return id;
    }

    /** The mails about request {@code id} once one has come, after waiting a little longer for a second. */
    private List<MimeMessage> mailsAbout(long id) throws Exception {
        // On PostgreSQL the database is shared by the whole run: the rows earlier classes left queued while nobody
        // listened are due before ours and are sent first once this server is up.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (about(id).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        Thread.sleep(3000);
        return about(id);
    }

    private List<MimeMessage> about(long id) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String text =
                    (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
            // The link ends its line: request 12 must not match request 123.
            if (text.contains("request.xhtml?id=" + id + "\n") || text.contains("request.xhtml?id=" + id + "\r\n")) {
                found.add(message);
            }
        }
        return found;
    }
}
