package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail through the outbox over real SMTP: the server under test sends to a GreenMail on 127.0.0.1 at
 * {@code it.smtp.port} (pom.xml gives the server the same port). A request asked ahead mails its approver once, with
 * both parts, the request's link and the reason escaped; a mail queued while SMTP is down arrives once after it is
 * back; workers running at once send each row once. Other test classes' requests mail the same server too, so every
 * assertion looks at the mails of this test's own request only.
 */
@ExtendWith(ArquillianExtension.class)
class MailIT {

    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

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
    void askingAheadMailsTheManagerOnceWithBothPartsTheLinkAndTheReasonEscaped() throws Exception {
        smtp.start();
        String user = "mail" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);

        long id = driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Close <script>alert(1)</script> & co");

        MimeMessage mail = onlyMailAbout(id);
        assertEquals("mdubois@corp.local", ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("Extension request from Test " + user + " waits for your decision", mail.getSubject());
        String messageId = mail.getHeader("Message-ID")[0];
        assertTrue(messageId.matches("<outbox-\\d+\\.[0-9a-f]{12}@afterhours>"), messageId);
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(
                parts.getBodyPart(0).isMimeType("text/plain"),
                parts.getBodyPart(0).getContentType());
        assertTrue(
                parts.getBodyPart(1).isMimeType("text/html"),
                parts.getBodyPart(1).getContentType());
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.contains("http://localhost:8080/request.xhtml?id=" + id), text);
        assertTrue(text.contains("Reason: Close <script>alert(1)</script> & co"), text);
        assertTrue(html.contains("Close &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(text.contains("(UTC)"), "the window names the manager's zone: " + text);
        assertTrue(outbox(id).contains("request-waiting|mdubois@corp.local|SENT|0"), outbox(id));
    }

    @Test
    void aMailQueuedWhileSmtpIsDownIsRetriedAndArrivesOnceWhenItIsBack() throws Exception {
        String user = "mail" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);

        long id = driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Server patching");
        // Failed at least once: the worker tries one row per run while the server is down, and earlier test classes
        // have left rows of their own waiting, so this may take a while.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!outbox(id).matches(".*\\|QUEUED\\|[1-9]\\d*\".*")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertTrue(outbox(id).matches(".*\\|QUEUED\\|[1-9]\\d*\".*"), outbox(id));

        smtp.start();
        onlyMailAbout(id);
        assertTrue(outbox(id).contains("|SENT|"), outbox(id));
    }

    @Test
    void workersRunningAtOnceSendEachRowOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = "mail" + runId();
            DemoDirectory.addEmployee(base, user, MATHILDE);
            ids.add(driver.askAhead(new PortalSession(base).signedInAs(user), 30, "Batch " + i));
        }
        for (long id : ids) {
            RequestDriver.await(() -> outbox(id), rows -> rows.contains("|QUEUED|"));
        }

        smtp.start();
        String claimed = ItSupport.post(base, "api/it-probe/mail/process-concurrently?threads=4", null, new byte[0])
                .body();

        for (long id : ids) {
            onlyMailAbout(id);
        }
        assertTrue(claimed.startsWith("["), claimed);
    }

    private String outbox(long request) {
        return get(base, "api/it-probe/mail?request=" + request).body();
    }

    /** Waits for the mail about request {@code id}, then a little longer, and asserts it came exactly once. */
    private MimeMessage onlyMailAbout(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<MimeMessage> found = about(id);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            found = about(id);
        }
        assertFalse(found.isEmpty(), "no mail about request " + id + ": " + outbox(id));
        // Long enough for the server's worker (every second) to send it again if the row had stayed due.
        Thread.sleep(3000);
        found = about(id);
        assertEquals(1, found.size(), "mails about request " + id);
        return found.get(0);
    }

    private List<MimeMessage> about(long id) throws MessagingException, IOException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : Arrays.asList(smtp.getReceivedMessages())) {
            BodyPart text = ((Multipart) message.getContent()).getBodyPart(0);
            if (((String) text.getContent()).contains("request.xhtml?id=" + id + "\n")
                    || ((String) text.getContent()).contains("request.xhtml?id=" + id + "\r\n")) {
                found.add(message);
            }
        }
        return found;
    }
}
