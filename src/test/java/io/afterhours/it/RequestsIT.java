package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Extension requests over real HTTP against Payara Micro, the demo directory and the database (product.md F2): an
 * out-of-hours denial posted to the webhook becomes a request routed to the line manager within seconds; more
 * denials in its window join it; denials of unknown users open nothing; employees ask ahead through the real form,
 * are told what the policy refuses, and withdraw. Each run uses its own dates, so runs can share a database.
 */
@ExtendWith(ArquillianExtension.class)
class RequestsIT {

    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";
    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    String marker;
    RequestDriver driver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        marker = "PC-" + runId();
        driver = new RequestDriver(base);
    }

    @Test
    void anOutOfHoursDenialBecomesARequestForTheLineManagerAndMoreDenialsJoinIt() throws Exception {
        // Someone who exists for this run only, refused at 23:00 UTC tonight (midnight in Paris, the IT's hours zone).
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        String night = LocalDate.now(ZoneOffset.UTC) + "T23:00:00Z";
        String later = LocalDate.now(ZoneOffset.UTC) + "T23:40:00Z";

        long notification = driver.stored(user, night, marker);
        String handled = RequestDriver.await(
                () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                        .body(),
                s -> s.startsWith("true|") && !s.endsWith("|-"));
        long requestId = Long.parseLong(handled.substring("true|".length()));

        String request = driver.row(user, requestId);
        assertTrue(request.contains("|PENDING|DENIAL|1|Mathilde Dubois|" + marker), request);

        long again = driver.stored(user, later, marker + "-2");
        assertEquals(
                "true|" + requestId,
                RequestDriver.await(
                        () -> get(base, "api/it-probe/notifications/" + again + "/request")
                                .body(),
                        s -> s.startsWith("true")),
                "a second denial in the window joins the request");
        assertTrue(driver.row(user, requestId).contains("|PENDING|DENIAL|2|"), "counted, not duplicated");

        PortalSession employee = new PortalSession(base).signedInAs(user);
        String page = employee.get("requests.xhtml").body();
        assertTrue(page.contains("data-request=\"" + requestId + "\""), "on their My requests page");
        assertTrue(page.contains(marker), "with the computer that was refused");
        assertTrue(
                new PortalSession(base)
                        .signedInAs("mdubois")
                        .get("inbox.xhtml")
                        .body()
                        .contains("data-request=\"" + requestId + "\""),
                "in the line manager's inbox");
    }

    @Test
    void anUndecidedRequestWhoseWindowHasPassedExpires() throws Exception {
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long notification = driver.stored(user, "2025-03-12T22:47:05+01:00", marker);
        String handled = RequestDriver.await(
                () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                        .body(),
                s -> s.startsWith("true|") && !s.endsWith("|-"));
        long requestId = Long.parseLong(handled.substring("true|".length()));

        RequestDriver.await(() -> driver.row(user, requestId), r -> r.contains("|EXPIRED|"));
        assertTrue(driver.audit("request.expired").contains("the window ended without a decision"));
    }

    @Test
    void aDenialOfSomeoneTheDirectoryDoesNotKnowOpensNothing() {
        long notification = driver.stored("nobody-" + runId(), "2025-03-12T22:47:05+01:00", marker);

        assertEquals(
                "true|-",
                RequestDriver.await(
                        () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                                .body(),
                        s -> s.startsWith("true")));
    }

    @Test
    void anEmployeeAsksAheadIsToldWhatThePolicyRefusesAndWithdraws() {
        PortalSession employee = new PortalSession(base).signedInAs("sobrien");
        LocalDateTime start = RequestDriver.someQuarterHourAhead();

        int before = driver.requests("sobrien").size();
        String tooLong = driver.ask(employee, start, start.plusHours(9), "Quarter-end close");
        assertTrue(tooLong.contains("longer than the policy allows"), tooLong);
        String noReason = driver.ask(employee, start, start.plusMinutes(30), "");
        assertTrue(noReason.contains("Say why you need the extra hours"), noReason);
        assertEquals(before, driver.requests("sobrien").size(), "nothing was stored for refused asks");

        String sent = driver.ask(employee, start, start.plusMinutes(30), "Quarter-end <close> & \"reports\"");
        assertTrue(sent.contains("was sent to your manager"), sent);
        String newest = driver.requests("sobrien").getString(0);
        assertTrue(newest.contains("|PENDING|AHEAD|0|Mathilde Dubois|"), newest);
        long id = Long.parseLong(newest.substring(0, newest.indexOf('|')));

        String overlap = driver.ask(employee, start.plusMinutes(15), start.plusMinutes(45), "again");
        assertTrue(overlap.contains("overlaps your request " + id), overlap);

        String page = employee.get("requests.xhtml").body();
        assertTrue(page.contains("Quarter-end &lt;close&gt; &amp; "), "the reason, escaped");
        assertFalse(page.contains("<close>"), "no markup from the reason");
        HttpResponse<String> withdrawn =
                employee.click("requests.xhtml", page, RequestDriver.buttonOf(page, "mine:list", id, "cancel"), true);
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertTrue(withdrawn.body().contains("data-request=\"" + id + "\""), "the list is redrawn");
        assertTrue(driver.row("sobrien", id).contains("|CANCELLED|"));
    }

    @Test
    void theLineManagerApprovesForLessOrDeniesWithAReasonAndNobodyDecidesTheirOwn() throws Exception {
        // A manager of our own (reporting to Claire) and her report: other test classes leave requests in the demo
        // managers' inboxes, which would push ours off the first page.
        String boss = "boss" + runId();
        String worker = "wk" + runId();
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        DemoDirectory.addEmployee(base, worker, bossDn);
        PortalSession paul = new PortalSession(base).signedInAs(worker);
        long shortened = driver.askAhead(paul, 120, "Migration night");
        long denied = driver.askAhead(paul, 60, "Patch Tuesday");
        PortalSession mathilde = new PortalSession(base).signedInAs(boss);

        assertTrue(mathilde.get("index.xhtml").body().contains("id=\"inbox-count\""), "a count in her menu");
        String inbox = mathilde.get("inbox.xhtml").body();
        assertTrue(
                inbox.contains("data-request=\"" + shortened + "\"") && inbox.contains("Migration night"),
                "in her inbox");
        HttpResponse<String> approved = mathilde.click(
                "inbox.xhtml", inbox, RequestDriver.buttonOf(inbox, "inbox:pending", shortened, "for30"), true);
        assertTrue(approved.body().contains("approved"), approved.body());
        assertTrue(driver.row(worker, shortened).contains("|APPROVED|"));
        assertTrue(
                driver.audit("request.approved").contains(boss)
                        && driver.audit("request.approved").contains("(asked "),
                "audited, with the window asked for");

        inbox = mathilde.get("inbox.xhtml").body();
        assertFalse(inbox.contains("data-request=\"" + shortened + "\""), "decided requests leave the inbox");
        assertTrue(
                mathilde.get("team.xhtml").body().contains("data-request=\"" + shortened + "\""),
                "and show in her team view");
        assertFalse(
                new PortalSession(base)
                        .signedInAs("kbenali")
                        .get("team.xhtml")
                        .body()
                        .contains("data-request=\"" + shortened + "\""),
                "not in another manager's team view");
        mathilde.click("inbox.xhtml", inbox, RequestDriver.buttonOf(inbox, "inbox:pending", denied, "deny"), true);
        String noReason = denyWith(mathilde, inbox, "");
        assertTrue(noReason.contains("Say why you deny it"), noReason);
        assertTrue(driver.row(worker, denied).contains("|PENDING|"), "nothing decided without a reason");
        String withReason = denyWith(mathilde, inbox, "Not this week: the freeze");
        assertTrue(withReason.contains("denied"), withReason);
        assertTrue(driver.row(worker, denied).contains("|DENIED|"));

        driver.pressInRow(paul, "requests.xhtml", "mine:list", shortened, "end");
        assertTrue(driver.row(worker, shortened).contains("|REVOKED|"), "Paul ended his extension early");
        assertTrue(driver.audit("request.revoked").contains("ended early by the employee"));

        long another = driver.askAhead(paul, 60, "Backup check");
        driver.pressInRow(mathilde, "inbox.xhtml", "inbox:pending", another, "approve");
        driver.pressInRow(mathilde, "team.xhtml", "teamRequests:requests", another, "revoke");
        assertTrue(driver.row(worker, another).contains("|REVOKED|"), "his manager ended it early");
        assertTrue(driver.audit("request.revoked").contains("ended early by the approver"));

        // Mathilde asks too: her request goes to her own manager, never to herself, whatever she forges.
        long own = driver.askAhead(mathilde, 30, "My own night");
        String mine = mathilde.get("inbox.xhtml").body();
        assertFalse(mine.contains("data-request=\"" + own + "\""), "not in her own inbox");
        assertTrue(
                driver.row(boss, own).contains("|Claire Fontaine|"), "routed to her manager: " + driver.row(boss, own));
    }

    @Test
    void whenTwoApproversDecideAtOnceExactlyOneWins() throws Exception {
        PortalSession tarou = new PortalSession(base).signedInAs("tyamada");
        long id = driver.askAhead(tarou, 60, "Deploy window");
        PortalSession tab1 = new PortalSession(base).signedInAs("mdubois");
        PortalSession tab2 = new PortalSession(base).signedInAs("mdubois");
        String page1 = tab1.get("inbox.xhtml").body();
        String page2 = tab2.get("inbox.xhtml").body();

        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var approve = both.submit(() -> tab1.click(
                    "inbox.xhtml", page1, RequestDriver.buttonOf(page1, "inbox:pending", id, "approve"), true));
            var other = both.submit(() -> tab2.click(
                    "inbox.xhtml", page2, RequestDriver.buttonOf(page2, "inbox:pending", id, "approve"), true));
            String first = approve.get().body();
            String second = other.get().body();
            long winners = java.util.stream.Stream.of(first, second)
                    .filter(b -> b.contains("Request " + id + " approved"))
                    .count();
            assertEquals(1, winners, first + "\n---\n" + second);
            // The other tab is told who decided. Known issue (issue 4 notes): very rarely, under load on
            // PostgreSQL, the losing POST is refused by the container with 403 instead; it decides nothing either.
            String loser = first.contains("Request " + id + " approved") ? second : first;
            assertTrue(
                    loser.contains("already decided by Mathilde Dubois") || loser.contains("id=\"forbidden\""),
                    "the other is told who; refusals: " + tail(driver.audit("access.refused")));
        } finally {
            both.shutdownNow();
        }
        assertTrue(driver.row("tyamada", id).contains("|APPROVED|"));
        assertEquals(1, driver.decisionsOn(id));
    }

    @Test
    void aPendingRequestIsRemindedOnceEvenWithTwoWorkersAndTheInboxMarksIt() throws Exception {
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        Instant asked = Instant.now();
        long id = driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Month-end batch");

        JsonArray timers = timersOf(id);
        assertEquals(2, timers.size(), "written with the request: " + timers);
        assertDueAfter(asked, timers.getString(0), "ESCALATE|", Duration.ofHours(2));
        assertDueAfter(asked, timers.getString(1), "REMIND|", Duration.ofMinutes(30));

        assertEquals(
                "1",
                ItSupport.post(base, "api/it-probe/timers/due?request=" + id + "&kind=REMIND", null, new byte[0])
                        .body());
        String fired = ItSupport.post(base, "api/it-probe/timers/fire-concurrently?threads=2", null, new byte[0])
                .body();
        RequestDriver.await(() -> auditOf(id), a -> a.contains("request.reminded|"));
        assertEquals(1, count(auditOf(id), "request.reminded|"), "reminded once; the workers fired " + fired);
        assertTrue(auditOf(id).contains("still waiting for a decision from Mathilde Dubois"), auditOf(id));
        assertTrue(timersOf(id).getString(1).endsWith("|true"), "the reminder is done");

        String inbox =
                new PortalSession(base).signedInAs("mdubois").get("inbox.xhtml").body();
        assertTrue(rowOf(inbox, id).contains("Reminded"), "marked in the inbox: " + rowOf(inbox, id));
        assertEquals("-", decisionOn(id), "a reminder decides nothing");
    }

    @Test
    void anUnansweredRequestIsEscalatedToTheManagersManagerWhoMayThenApproveIt() throws Exception {
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long id = driver.askAhead(new PortalSession(base).signedInAs(user), 60, "Release night");
        PortalSession claire = new PortalSession(base).signedInAs("cfontaine");
        assertFalse(claire.get("inbox.xhtml").body().contains("data-request=\"" + id + "\""), "not hers yet");

        ItSupport.post(base, "api/it-probe/timers/due?request=" + id + "&kind=ESCALATE", null, new byte[0]);
        RequestDriver.await(() -> auditOf(id), a -> a.contains("request.escalated|"));
        assertTrue(auditOf(id).contains("no decision from Mathilde Dubois: escalated to Claire Fontaine"), auditOf(id));

        String hers = claire.get("inbox.xhtml").body();
        assertTrue(rowOf(hers, id).contains("Escalated to you"), "in her inbox, marked: " + rowOf(hers, id));
        String mathildes =
                new PortalSession(base).signedInAs("mdubois").get("inbox.xhtml").body();
        assertTrue(
                rowOf(mathildes, id).contains("Escalated to Claire Fontaine"),
                "the line manager keeps it: " + rowOf(mathildes, id));

        driver.pressInRow(claire, "inbox.xhtml", "inbox:pending", id, "approve");
        assertTrue(driver.row(user, id).contains("|APPROVED|"), driver.row(user, id));
        assertTrue(decisionOn(id).startsWith("Claire Fontaine|null|"), "decided by her: " + decisionOn(id));
        assertTrue(auditOf(id).contains("request.approved|cfontaine|"), auditOf(id));
    }

    @Test
    void aShortRequestIsApprovedAutomaticallyByTheRuleUpToItsMonthlyCap() throws Exception {
        // The ITs configure rule it-short: group IT-Auto-Approve, windows up to 1 h, twice a month (pom.xml).
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE, "IT-Auto-Approve");
        PortalSession employee = new PortalSession(base).signedInAs(user);
        LocalDateTime night = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(1, 0);

        String first = driver.ask(employee, night, night.plusMinutes(30), "Restart the batch");
        assertTrue(first.contains("approved automatically (rule it-short)"), first);
        long auto = idIn(first, "Request (\\d+) was approved automatically");
        assertTrue(driver.row(user, auto).contains("|APPROVED|"), driver.row(user, auto));
        assertEquals("Afterhours (rule: it-short)|it-short|null", decisionOn(auto));
        assertTrue(
                auditOf(auto)
                        .contains("request.approved|auto-approval|PENDING -> APPROVED: approved automatically"
                                + " by rule it-short"),
                auditOf(auto));
        // Decided at once: no reminder and no escalation; only the employee's "ends soon" warning (F4).
        assertEquals(1, timersOf(auto).size(), timersOf(auto).toString());
        assertTrue(
                timersOf(auto).getString(0).startsWith("ENDING_SOON|"),
                timersOf(auto).toString());

        long tooLong = idIn(
                driver.ask(employee, night.plusHours(2), night.plusHours(4), "Longer job"), "Request (\\d+) was sent");
        assertTrue(
                driver.row(user, tooLong).contains("|PENDING|"),
                "longer than the rule allows: " + driver.row(user, tooLong));
        String second = driver.ask(employee, night.plusHours(5), night.plusHours(6), "Again");
        assertTrue(second.contains("approved automatically (rule it-short)"), second);
        long capped = idIn(
                driver.ask(employee, night.plusHours(7), night.plusHours(7).plusMinutes(45), "Third"),
                "Request (\\d+) was sent");
        assertTrue(driver.row(user, capped).contains("|PENDING|"), "twice a month only: " + driver.row(user, capped));

        String page = employee.get("requests.xhtml").body();
        assertTrue(rowOf(page, auto).contains("approved automatically (rule it-short)"), "on My requests");
        assertTrue(
                rowOf(
                                new PortalSession(base)
                                        .signedInAs("mdubois")
                                        .get("team.xhtml")
                                        .body(),
                                auto)
                        .contains("approved automatically (rule it-short)"),
                "and on the manager's team view");
    }

    /** Posts the deny dialog of the inbox view {@code page} (the view that remembers which request is being denied). */
    private String denyWith(PortalSession session, String page, String reason) {
        String form = "denyForm=denyForm&denyForm%3Areason=" + PortalSession.encode(reason)
                + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=denyForm%3Aconfirm"
                + "&jakarta.faces.partial.execute=denyForm&jakarta.faces.partial.render=denyForm+inbox"
                + "&denyForm%3Aconfirm=denyForm%3Aconfirm" + PortalSession.pageTokens(page);
        return session.post("inbox.xhtml", form, true).body();
    }

    private String auditOf(long request) {
        return get(base, "api/it-probe/audit/of?subject=request+" + request).body();
    }

    private JsonArray timersOf(long request) {
        return WebhookIT.parseArray(
                get(base, "api/it-probe/timers?request=" + request).body());
    }

    private String decisionOn(long request) {
        return get(base, "api/it-probe/decision?request=" + request).body();
    }

    /** A timer row "KIND|due|done" that is not done and due {@code after} the ask, within a minute. */
    private static void assertDueAfter(Instant asked, String timer, String kind, Duration after) {
        assertTrue(timer.startsWith(kind) && timer.endsWith("|false"), timer);
        Instant due = Instant.parse(timer.split("\\|")[1]);
        Duration late = Duration.between(asked.plus(after), due);
        assertTrue(!late.isNegative() && late.compareTo(Duration.ofMinutes(1)) < 0, timer + " asked " + asked);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** The HTML of request {@code id}'s row: from its marker to the next request's. */
    private static String rowOf(String page, long id) {
        int start = page.indexOf("data-request=\"" + id + "\"");
        assertTrue(start > 0, "request " + id + " is listed");
        int next = page.indexOf("data-request=\"", start + 1);
        return page.substring(start, next < 0 ? page.length() : next);
    }

    private static long idIn(String answer, String pattern) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile(pattern).matcher(answer);
        return found.find() ? Long.parseLong(found.group(1)) : fail("no " + pattern + " in " + answer);
    }

    private static String tail(String text) {
        return text.length() > 600 ? text.substring(text.length() - 600) : text;
    }
}
