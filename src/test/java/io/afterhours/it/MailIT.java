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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Mail through the outbox over real SMTP: the server under test sends to a GreenMail on 127.0.0.1 at
 * {@code it.smtp.port} (pom.xml gives the server the same port). A request asked ahead mails its approver once, with
 * both parts, the request's link and the reason escaped; mails of decisions made while SMTP is down arrive once each
 * after it is back (drill R3); a server that hangs up before accepting gets the mail again with the same Message-ID
 * (R4); workers running at once send each row once. Other test classes' requests mail the same server too, so every
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

    /**
     * Drill R3: decisions made while the SMTP server is down commit, their mails wait and are retried, and once the
     * server is back each one arrives exactly once (with the request mails queued before them).
     */
    @Test
    void decisionsMadeWhileSmtpIsDownAreEachMailedOnceWhenItIsBack() throws Exception {
        PortalSession mathilde = new PortalSession(base).signedInAs("mdubois");
        Map<Long, String> employees = new LinkedHashMap<>();
        Map<Long, String> decisionMails = new LinkedHashMap<>();
        for (String decision : List.of("detail:approve", "detail:for30", "detail:deny")) {
            String user = "mail" + runId();
            DemoDirectory.addEmployee(base, user, MATHILDE);
            long id = driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Server patching");
            String detail = mathilde.get("request.xhtml?id=" + id).body();
            if (decision.equals("detail:deny")) {
                mathilde.submit("request.xhtml?id=" + id, detail, decision, "detail:denyReason", "Not tonight");
                decisionMails.put(id, "request-denied|" + user);
            } else {
                mathilde.submit("request.xhtml?id=" + id, detail, decision);
                decisionMails.put(id, "request-approved|" + user);
            }
            employees.put(id, user);
        }
        // Each decision committed with its mail, and that mail failed at least once: the worker tries one row per run
        // while the server is down, and earlier test classes have left rows of their own waiting, so this may take a
        // while.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        for (Map.Entry<Long, String> mail : decisionMails.entrySet()) {
            Pattern retried =
                    Pattern.compile(".*\\\"" + Pattern.quote(mail.getValue()) + "@[^|]+\\|QUEUED\\|[1-9]\\d*\\\".*");
            while (!retried.matcher(outbox(mail.getKey())).matches()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            assertTrue(retried.matcher(outbox(mail.getKey())).matches(), outbox(mail.getKey()));
        }

        Instant recovered = Instant.now();
        smtp.start();
        Duration slowest = Duration.ZERO;
        for (Map.Entry<Long, String> request : employees.entrySet()) {
            awaitMailsAbout(request.getKey(), 2);
            slowest = Duration.between(recovered, Instant.now());
        }
        for (Map.Entry<Long, String> request : employees.entrySet()) {
            long id = request.getKey();
            assertEquals(
                    List.of("mdubois@corp.local", request.getValue() + "@corp.local"),
                    recipients(onlyMailsAbout(id, 2)),
                    "the request mail to the manager and the decision mail to the employee, once each: " + outbox(id));
            assertTrue(outbox(id).matches("\\[(\"[^\"]+\\|SENT\\|\\d+\",?)+\\]"), outbox(id));
        }
        System.out.println("R3: " + employees.size() + " decisions -> " + employees.size()
                + " decision mails delivered after SMTP recovery (and the " + employees.size()
                + " request mails before them); duplicates = 0; all delivered within " + slowest.toMillis()
                + " ms of recovery");
    }

    /**
     * Drill R4: the server takes the whole message and hangs up before its "250". The row is not marked sent, it is
     * tried again, and the second copy carries the first one's Message-ID, so a mailbox that did get the first copy
     * shows one mail. This is the one expected source of duplicates; the test counts it.
     */
    @Test
    void aMailWhoseServerHungUpBeforeAcceptingIsSentAgainWithTheSameMessageId() throws Exception {
        String user = "mail" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long id;
        List<MimeMessage> dropped;
        try (DroppingSmtpServer dropping = new DroppingSmtpServer(MailLinks.smtpPort())) {
            id = driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Month-end close");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            dropped = about(id, dropping.taken());
            while (dropped.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                dropped = about(id, dropping.taken());
            }
            assertFalse(dropped.isEmpty(), "the dropping server never got the mail: " + outbox(id));
            RequestDriver.await(() -> outbox(id), rows -> rows.matches(".*\\|QUEUED\\|[1-9]\\d*\".*"));
            assertFalse(outbox(id).contains("|SENT|"), "not sent without the server's 250: " + outbox(id));
        }

        smtp.start();
        MimeMessage delivered = onlyMailAbout(id);
        assertEquals(dropped.get(0).getMessageID(), delivered.getMessageID(), "the same Message-ID on every try");
        assertTrue(outbox(id).contains("|SENT|"), outbox(id));
        System.out.println("R4: 1 mail hung up on before 250 -> retried and delivered once; duplicates = "
                + dropped.size() + " (the copies hung up on, all with the delivered copy's Message-ID "
                + delivered.getMessageID() + ")");
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
        return onlyMailsAbout(id, 1).get(0);
    }

    /** Waits until {@code count} mails about request {@code id} arrived. */
    private void awaitMailsAbout(long id, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (about(id).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(count, about(id).size(), "mails about request " + id + ": " + outbox(id));
    }

    /** Waits for {@code count} mails about request {@code id}, then a little longer, and asserts no more came. */
    private List<MimeMessage> onlyMailsAbout(long id, int count) throws Exception {
        awaitMailsAbout(id, count);
        // Long enough for the server's worker (every second) to send one again if its row had stayed due.
        Thread.sleep(3000);
        List<MimeMessage> found = about(id);
        assertEquals(count, found.size(), "mails about request " + id);
        return found;
    }

    private static List<String> recipients(List<MimeMessage> messages) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (MimeMessage message : messages) {
            addresses.add(((InternetAddress) message.getAllRecipients()[0]).getAddress());
        }
        addresses.sort(Comparator.comparing((String address) -> !address.startsWith("mdubois@")));
        return addresses;
    }

    private List<MimeMessage> about(long id) throws MessagingException, IOException {
        return about(id, Arrays.asList(smtp.getReceivedMessages()));
    }

    private static List<MimeMessage> about(long id, List<MimeMessage> messages) throws MessagingException, IOException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : messages) {
            BodyPart text = ((Multipart) message.getContent()).getBodyPart(0);
            if (((String) text.getContent()).contains("request.xhtml?id=" + id + "\n")
                    || ((String) text.getContent()).contains("request.xhtml?id=" + id + "\r\n")) {
                found.add(message);
            }
        }
        return found;
    }
}
