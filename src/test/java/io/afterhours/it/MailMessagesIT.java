package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.post;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every message type of F4 that exists so far, over real SMTP to a GreenMail on {@code it.smtp.port}: the right
 * people (and nobody else) get it, with both parts, its subject and a link that opens the request once signed in;
 * a French reader gets French text and their own zone. Timers are made due through the probe instead of waited for.
 * Other classes' requests mail the same server, so every assertion looks at this test's own people only.
 */
@ExtendWith(ArquillianExtension.class)
class MailMessagesIT {

    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;
    GreenMail smtp;
    String run;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        driver = new RequestDriver(base);
        run = runId();
        smtp = MailLinks.greenMail();
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aFrenchManagerIsAskedRemindedAndToldWhenTheEscalationApproverDecidedAndTheEmployeeHearsEachStep()
            throws Exception {
        String boss = "frb" + run;
        String worker = "emp" + run;
        DemoDirectory.setLanguage(base, DemoDirectory.addEmployee(base, boss, CLAIRE), "fr");
        DemoDirectory.addEmployee(base, worker, "cn=" + boss + ",ou=users,dc=corp,dc=local");
        PortalSession employee = new PortalSession(base).signedInAs(worker);

        long id = driver.askAhead(employee, 60, "Month-end <close>");

        Mail waiting = only(boss, id, "request-waiting");
        assertEquals("La demande d’extension de Test " + worker + " attend votre décision", waiting.subject);
        assertTrue(waiting.text.contains("Motif: Month-end <close>"), waiting.text);
        assertTrue(waiting.html.contains("Month-end &lt;close&gt;"), waiting.html);
        assertTrue(waiting.text.contains("(UTC)"), "the zone is named: " + waiting.text);
        assertLinkOpens(boss, waiting, id);

        makeDue(id, "REMIND");
        Mail reminder = only(boss, id, "request-reminder");
        assertTrue(reminder.subject.startsWith("Rappel : la demande d’extension de Test " + worker), reminder.subject);
        assertLinkOpens(boss, reminder, id);

        makeDue(id, "ESCALATE");
        Mail escalated = only("cfontaine", id, "request-escalated");
        assertEquals("Escalated to you: extension request from Test " + worker, escalated.subject);
        assertTrue(escalated.text.contains("has been escalated to you"), escalated.text);

        PortalSession claire = new PortalSession(base).signedInAs("cfontaine");
        String detail = claire.get("request.xhtml?id=" + id).body();
        assertTrue(claire.submit("request.xhtml?id=" + id, detail, "detail:for30")
                .body()
                .contains("approved"));

        Mail approved = only(worker, id, "request-approved");
        assertEquals("Your extension request was approved for less than you asked", approved.subject);
        assertTrue(approved.text.contains("Approved: ") && approved.text.contains("You asked for: "), approved.text);
        assertTrue(approved.text.contains("Decided by: Claire Fontaine"), approved.text);
        assertLinkOpens(worker, approved, id);

        Mail elsewhere = only(boss, id, "request-decided-elsewhere");
        assertEquals(
                "Déjà traitée : la demande d’extension de Test " + worker + " a été décidée par Claire Fontaine",
                elsewhere.subject);
        assertTrue(elsewhere.text.contains("Vous n’avez plus rien à faire."), elsewhere.text);
        assertFalse(outbox(id).contains("request-decided-elsewhere|cfontaine@"), "not to the decider: " + outbox(id));
        assertFalse(outbox(id).contains("request-decided-elsewhere|" + worker), outbox(id));

        assertTrue(get(base, "api/it-probe/timers?request=" + id).body().contains("ENDING_SOON|"), "timer written");
        makeDue(id, "ENDING_SOON");
        Mail ending = only(worker, id, "request-ending-soon");
        assertTrue(ending.subject.matches("Your extra hours end at \\d\\d:\\d\\d \\(UTC\\)"), ending.subject);
        assertEquals(
                List.of(
                        "request-waiting|" + boss,
                        "request-reminder|" + boss,
                        "request-escalated|cfontaine",
                        "request-approved|" + worker,
                        "request-decided-elsewhere|" + boss,
                        "request-ending-soon|" + worker),
                kindsAndPeople(id),
                "each mail to its people only");
    }

    @Test
    void aDeniedLogonTellsAFrenchEmployeeInHerZoneAndADenialTellsHerWhyAndWho() throws Exception {
        String worker = "fre" + run;
        DemoDirectory.setLanguage(base, DemoDirectory.addEmployee(base, worker, MATHILDE), "fr-FR");
        PortalSession employee = new PortalSession(base).signedInAs(worker);
        String profile = employee.get("person.xhtml").body();
        employee.submit("person.xhtml", profile, "zoneForm:save", "zoneForm:zone_input", "Europe/Paris");

        long id = driver.deniedLogon(worker, LocalDate.now(ZoneOffset.UTC) + "T23:00:00Z", "PC-" + run);

        Mail opened = only(worker, id, "request-opened");
        assertTrue(
                opened.subject.startsWith(
                        "Connexion refusée : une demande d’heures supplémentaires a été ouverte pour vous"),
                opened.subject);
        assertTrue(opened.text.contains("(Europe/Paris)") && opened.text.contains("00:00"), opened.text);
        assertTrue(opened.text.contains("PC-" + run), opened.text);
        assertTrue(opened.text.contains("ajouter un motif"), opened.text);
        assertLinkOpens(worker, opened, id);
        only("mdubois", id, "request-waiting");

        String page = employee.get("request.xhtml?id=" + id).body();
        assertTrue(page.contains("id=\"explain\""), "the link leads to where she gives her reason");
        String saved = employee.submit(
                        "request.xhtml?id=" + id, page, "detail:saveReason", "detail:ownReason", "Serveur en panne")
                .body();
        assertTrue(saved.contains("Your reason is saved on request " + id), saved);
        assertTrue(get(base, "api/it-probe/audit/of?subject=request%20" + id)
                .body()
                .contains("request.reason|" + worker + "|(none) -> Serveur en panne"));
        assertFalse(
                new PortalSession(base)
                        .signedInAs("mdubois")
                        .get("request.xhtml?id=" + id)
                        .body()
                        .contains("id=\"explain\""),
                "only she may");

        PortalSession mathilde = new PortalSession(base).signedInAs("mdubois");
        String detail = mathilde.get("request.xhtml?id=" + id).body();
        mathilde.submit("request.xhtml?id=" + id, detail, "detail:deny", "detail:denyReason", "Pas <cette> nuit");

        Mail denied = only(worker, id, "request-denied");
        assertEquals("Votre demande d’extension a été refusée par Mathilde Dubois", denied.subject);
        assertTrue(denied.text.contains("Motif: Pas <cette> nuit"), denied.text);
        assertTrue(denied.html.contains("Pas &lt;cette&gt; nuit"), denied.html);
        assertFalse(outbox(id).contains("request-decided-elsewhere"), "the decider is not told: " + outbox(id));
    }

    @Test
    void aRequestWithNoManagerMailsEveryMemberOfTheFallbackGroupEachInTheirLanguage() throws Exception {
        String approver = "fbk" + run;
        String chooser = "fbe" + run;
        String worker = "nom" + run;
        DemoDirectory.setLanguage(
                base, DemoDirectory.addEmployee(base, approver, CLAIRE, "Afterhours-Approvers"), "fr");
        DemoDirectory.setLanguage(base, DemoDirectory.addEmployee(base, chooser, CLAIRE, "Afterhours-Approvers"), "fr");
        PortalSession own = new PortalSession(base).signedInAs(chooser);
        String profile = own.get("person.xhtml").body();
        assertTrue(
                own.submit("person.xhtml", profile, "languageForm:save", "languageForm:language_input", "en")
                        .body()
                        .contains("Your mails will be written in: English."),
                "her choice on My profile wins over the directory");
        DemoDirectory.addEmployee(base, worker, "cn=Nobody " + run + ",ou=users,dc=corp,dc=local");

        long id = driver.askAhead(new PortalSession(base).signedInAs(worker), 60, "No manager");

        Mail french = only(approver, id, "request-waiting");
        assertTrue(french.subject.startsWith("La demande d’extension de Test " + worker), french.subject);
        Mail english = only("cfontaine", id, "request-waiting");
        assertEquals("Extension request from Test " + worker + " waits for your decision", english.subject);
        Mail chosen = only(chooser, id, "request-waiting");
        assertEquals(english.subject, chosen.subject);
        assertLinkOpens(approver, french, id);
        assertEquals(
                sorted(List.of(
                        "request-waiting|cfontaine", "request-waiting|" + approver, "request-waiting|" + chooser)),
                sorted(kindsAndPeople(id)));
    }

    @Test
    void aMailGivenUpAfterTheRetryLimitAlertsTheAdministratorsOnceAndANotherAlertDiesQuietly() throws Exception {
        String boss = "dbs" + run;
        String worker = "dwk" + run;
        DemoDirectory.addEmployee(base, boss, CLAIRE);
        DemoDirectory.addEmployee(base, worker, "cn=" + boss + ",ou=users,dc=corp,dc=local");
        smtp.stop();
        long id = driver.askAhead(new PortalSession(base).signedInAs(worker), 60, "Dead letter");
        RequestDriver.await(() -> outbox(id), rows -> rows.contains("request-waiting|" + boss));

        String states = post(base, "api/it-probe/mail/give-up?request=" + id, null, new byte[0])
                .body();
        assertEquals("[\"DEAD\"]", states);
        String alerts = get(base, "api/it-probe/mail/admin?about=" + boss).body();
        assertTrue(alerts.contains("admin-mail-dead|aadmin@corp.local|QUEUED"), alerts);
        assertFalse(alerts.contains("|mdubois@") || alerts.contains("|cfontaine@"), "administrators only: " + alerts);

        smtp = MailLinks.greenMail();
        smtp.start();
        Mail alert = await("aadmin", m -> m.text.contains(boss + "@corp.local"));
        assertEquals("A mail could not be delivered (request-waiting)", alert.subject);
        assertTrue(alert.text.contains("550 given up by the test"), alert.text);

        smtp.stop();
        String second = "dbt" + run;
        DemoDirectory.addEmployee(base, second, CLAIRE);
        DemoDirectory.addEmployee(base, "dwl" + run, "cn=" + second + ",ou=users,dc=corp,dc=local");
        long other = driver.askAhead(new PortalSession(base).signedInAs("dwl" + run), 60, "Dead letter 2");
        RequestDriver.await(() -> outbox(other), rows -> rows.contains("request-waiting|" + second));
        post(base, "api/it-probe/mail/give-up?request=" + other, null, new byte[0]);
        assertTrue(
                post(base, "api/it-probe/mail/give-up?about=" + second, null, new byte[0])
                        .body()
                        .contains("DEAD"),
                "the alert itself given up");
        assertEquals(
                "[]", get(base, "api/it-probe/mail/admin?about=admin-mail-dead").body(), "no alert about an alert");
    }

    @Test
    void aBurstOfUnknownUserLockIdsMailsTheAdministratorsOnceWithTheIdsMasked() throws Exception {
        String wrong = "Wrong-" + run + "-9f8e7d6c";
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401,
                    ItSupport.postJson(
                                    base,
                                    ItSupport.notification("burst" + run)
                                            .withId(wrong)
                                            .json())
                            .statusCode());
        }

        // An earlier class's refusal (SettingsIT's rotated-out ID) leaves its alert queued until this class's GreenMail
        // starts: pick this burst's alert by its masked ID. (Each class deploys anew, so that alert's once-an-hour
        // limit does not hold this one back; AdminMailsTest covers the limit.)
        String masked = "wron…7d6c";
        Mail alert =
                await("aadmin", m -> m.subject.startsWith("UserLock notifications refused") && m.text.contains(masked));
        assertEquals("UserLock notifications refused: 3 with an unknown UserLock ID", alert.subject);
        assertTrue(alert.text.contains(masked) && alert.html.contains(masked), alert.text);
        assertFalse(alert.text.contains(wrong) || alert.html.contains(wrong), "never the whole ID: " + alert.text);
        assertFalse(alert.text.toLowerCase(Locale.ROOT).contains(wrong.toLowerCase(Locale.ROOT)), alert.text);
    }

    /** One received mail: its recipients, subject and both parts. */
    record Mail(List<String> to, String subject, String text, String html) {}

    private void makeDue(long id, String kind) {
        assertEquals(
                "1",
                post(base, "api/it-probe/timers/due?request=" + id + "&kind=" + kind, null, new byte[0])
                        .body());
    }

    /** Waits for the one mail of {@code kind} to {@code account} about request {@code id}; asserts it came once. */
    private Mail only(String account, long id, String kind) throws Exception {
        RequestDriver.await(() -> outbox(id), rows -> rows.contains(kind + "|" + account + "@corp.local|SENT"));
        Predicate<Mail> match = m ->
                (m.text.contains("request.xhtml?id=" + id + "\n") || m.text.contains("request.xhtml?id=" + id + "\r\n"))
                        && kindOf(m).equals(kind);
        Mail mail = await(account, match);
        // Long enough for the worker (every second) to send it again if its row had stayed due.
        Thread.sleep(1500);
        assertEquals(1, received(account).stream().filter(match).count(), kind + " once");
        assertTrue(mail.html.contains("<meta name=\"viewport\""), "readable on a phone: " + mail.html);
        return mail;
    }

    private Mail await(String account, Predicate<Mail> match) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (Mail m : received(account)) {
                if (match.test(m)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such mail to " + account + " among " + received(account));
    }

    private List<Mail> received(String account) throws Exception {
        List<Mail> mine = new ArrayList<>();
        for (Mail m : allReceived()) {
            if (m.to.contains(account + "@corp.local")) {
                mine.add(m);
            }
        }
        return mine;
    }

    private List<Mail> allReceived() throws Exception {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            List<String> to = new ArrayList<>();
            for (Address a : message.getAllRecipients()) {
                to.add(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT));
            }
            Multipart parts = (Multipart) message.getContent();
            assertEquals(2, parts.getCount(), "text and HTML");
            assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
            assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
            mails.add(new Mail(
                    to, message.getSubject(), (String) parts.getBodyPart(0).getContent(), (String)
                            parts.getBodyPart(1).getContent()));
        }
        return mails;
    }

    /** Which kind a received mail is, by the opening words only that kind's text has (in either language). */
    private static String kindOf(Mail m) {
        String s = m.subject;
        if (s.startsWith("Reminder") || s.startsWith("Rappel")) {
            return "request-reminder";
        }
        if (s.startsWith("Escalated") || s.startsWith("Transmise")) {
            return "request-escalated";
        }
        if (s.startsWith("Already decided") || s.startsWith("Déjà traitée")) {
            return "request-decided-elsewhere";
        }
        if (s.contains("waits for your decision") || s.contains("attend votre décision")) {
            return "request-waiting";
        }
        if (s.contains("was approved") || s.contains("a été acceptée")) {
            return "request-approved";
        }
        if (s.contains("was denied") || s.contains("a été refusée")) {
            return "request-denied";
        }
        if (s.contains("end at") || s.contains("se terminent")) {
            return "request-ending-soon";
        }
        if (s.contains("was opened for you") || s.contains("ouverte pour vous")) {
            return "request-opened";
        }
        return "?";
    }

    /** Signed in as the recipient, the mail's link opens the request's page. */
    private void assertLinkOpens(String account, Mail mail, long id) {
        String link = "request.xhtml?id=" + id;
        assertTrue(mail.text.contains("http://localhost:8080/" + link), mail.text);
        var page = new PortalSession(base).signedInAs(account).get(link);
        assertEquals(200, page.statusCode(), link);
        assertTrue(page.body().contains("id=\"evidence\""), "the request page: " + link);
    }

    /** "kind|account" of each of the request's outbox rows, oldest first. */
    private List<String> kindsAndPeople(long id) {
        List<String> rows = new ArrayList<>();
        for (var value : WebhookIT.parseArray(outbox(id)).getValuesAs(jakarta.json.JsonString.class)) {
            String[] row = value.getString().split("\\|");
            rows.add(row[0] + "|" + row[1].replace("@corp.local", ""));
        }
        return rows;
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }

    private String outbox(long request) {
        return get(base, "api/it-probe/mail?request=" + request).body();
    }
}
