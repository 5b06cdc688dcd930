package io.afterhours.it;

import static io.afterhours.it.ItSupport.await;
import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
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

    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    String marker;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        marker = "PC-" + runId();
    }

    @Test
    void anOutOfHoursDenialBecomesARequestForTheLineManagerAndMoreDenialsJoinIt() throws Exception {
        // Someone who exists for this run only, refused at 23:00 UTC tonight (midnight in Paris, the IT's hours zone).
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        String night = LocalDate.now(ZoneOffset.UTC) + "T23:00:00Z";
        String later = LocalDate.now(ZoneOffset.UTC) + "T23:40:00Z";

        long notification = stored(user, night, marker);
        String handled = await(
                () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                        .body(),
                s -> s.startsWith("true|") && !s.endsWith("|-"));
        long requestId = Long.parseLong(handled.substring("true|".length()));

        String request = row(user, requestId);
        assertTrue(request.contains("|PENDING|DENIAL|1|Mathilde Dubois|" + marker), request);

        long again = stored(user, later, marker + "-2");
        assertEquals(
                "true|" + requestId,
                await(
                        () -> get(base, "api/it-probe/notifications/" + again + "/request")
                                .body(),
                        s -> s.startsWith("true")),
                "a second denial in the window joins the request");
        assertTrue(row(user, requestId).contains("|PENDING|DENIAL|2|"), "counted, not duplicated");

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
        long notification = stored(user, "2025-03-12T22:47:05+01:00", marker);
        String handled = await(
                () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                        .body(),
                s -> s.startsWith("true|") && !s.endsWith("|-"));
        long requestId = Long.parseLong(handled.substring("true|".length()));

        await(() -> row(user, requestId), r -> r.contains("|EXPIRED|"));
        assertTrue(audit("request.expired").contains("the window ended without a decision"));
    }

    @Test
    void aDenialOfSomeoneTheDirectoryDoesNotKnowOpensNothing() {
        long notification = stored("nobody-" + runId(), "2025-03-12T22:47:05+01:00", marker);

        assertEquals(
                "true|-",
                await(
                        () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                                .body(),
                        s -> s.startsWith("true")));
    }

    @Test
    void anEmployeeAsksAheadIsToldWhatThePolicyRefusesAndWithdraws() {
        PortalSession employee = new PortalSession(base).signedInAs("sobrien");
        LocalDateTime start = someQuarterHourAhead();

        int before = requests("sobrien").size();
        String tooLong = ask(employee, start, start.plusHours(9), "Quarter-end close");
        assertTrue(tooLong.contains("longer than the policy allows"), tooLong);
        String noReason = ask(employee, start, start.plusMinutes(30), "");
        assertTrue(noReason.contains("Say why you need the extra hours"), noReason);
        assertEquals(before, requests("sobrien").size(), "nothing was stored for refused asks");

        String sent = ask(employee, start, start.plusMinutes(30), "Quarter-end <close> & \"reports\"");
        assertTrue(sent.contains("was sent to your manager"), sent);
        String newest = requests("sobrien").getString(0);
        assertTrue(newest.contains("|PENDING|AHEAD|0|Mathilde Dubois|"), newest);
        long id = Long.parseLong(newest.substring(0, newest.indexOf('|')));

        String overlap = ask(employee, start.plusMinutes(15), start.plusMinutes(45), "again");
        assertTrue(overlap.contains("overlaps your request " + id), overlap);

        String page = employee.get("requests.xhtml").body();
        assertTrue(page.contains("Quarter-end &lt;close&gt; &amp; "), "the reason, escaped");
        assertFalse(page.contains("<close>"), "no markup from the reason");
        HttpResponse<String> withdrawn =
                employee.click("requests.xhtml", page, buttonOf(page, "mine:list", id, "cancel"), true);
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertTrue(withdrawn.body().contains("data-request=\"" + id + "\""), "the list is redrawn");
        assertTrue(row("sobrien", id).contains("|CANCELLED|"));
    }

    @Test
    void theLineManagerApprovesForLessOrDeniesWithAReasonAndNobodyDecidesTheirOwn() {
        PortalSession paul = new PortalSession(base).signedInAs("pmartin");
        long shortened = askAhead(paul, 120, "Migration night");
        long denied = askAhead(paul, 60, "Patch Tuesday");
        PortalSession mathilde = new PortalSession(base).signedInAs("mdubois");

        assertTrue(mathilde.get("index.xhtml").body().contains("id=\"inbox-count\""), "a count in her menu");
        String inbox = mathilde.get("inbox.xhtml").body();
        assertTrue(
                inbox.contains("data-request=\"" + shortened + "\"") && inbox.contains("Migration night"),
                "in her inbox");
        HttpResponse<String> approved =
                mathilde.click("inbox.xhtml", inbox, buttonOf(inbox, "inbox:pending", shortened, "for30"), true);
        assertTrue(approved.body().contains("approved"), approved.body());
        assertTrue(row("pmartin", shortened).contains("|APPROVED|"));
        assertTrue(
                audit("request.approved").contains("mdubois")
                        && audit("request.approved").contains("(asked "),
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
        mathilde.click("inbox.xhtml", inbox, buttonOf(inbox, "inbox:pending", denied, "deny"), true);
        String noReason = denyWith(mathilde, inbox, "");
        assertTrue(noReason.contains("Say why you deny it"), noReason);
        assertTrue(row("pmartin", denied).contains("|PENDING|"), "nothing decided without a reason");
        String withReason = denyWith(mathilde, inbox, "Not this week: the freeze");
        assertTrue(withReason.contains("denied"), withReason);
        assertTrue(row("pmartin", denied).contains("|DENIED|"));

        pressInRow(paul, "requests.xhtml", "mine:list", shortened, "end");
        assertTrue(row("pmartin", shortened).contains("|REVOKED|"), "Paul ended his extension early");
        assertTrue(audit("request.revoked").contains("ended early by the employee"));

        long another = askAhead(paul, 60, "Backup check");
        pressInRow(mathilde, "inbox.xhtml", "inbox:pending", another, "approve");
        pressInRow(mathilde, "team.xhtml", "teamRequests:requests", another, "revoke");
        assertTrue(row("pmartin", another).contains("|REVOKED|"), "his manager ended it early");
        assertTrue(audit("request.revoked").contains("ended early by the approver"));

        // Mathilde asks too: her request goes to her own manager, never to herself, whatever she forges.
        long own = askAhead(mathilde, 30, "My own night");
        String mine = mathilde.get("inbox.xhtml").body();
        assertFalse(mine.contains("data-request=\"" + own + "\""), "not in her own inbox");
        assertTrue(row("mdubois", own).contains("|Claire Fontaine|"), "routed to her manager: " + row("mdubois", own));
    }

    @Test
    void whenTwoApproversDecideAtOnceExactlyOneWins() throws Exception {
        PortalSession tarou = new PortalSession(base).signedInAs("tyamada");
        long id = askAhead(tarou, 60, "Deploy window");
        PortalSession tab1 = new PortalSession(base).signedInAs("mdubois");
        PortalSession tab2 = new PortalSession(base).signedInAs("mdubois");
        String page1 = tab1.get("inbox.xhtml").body();
        String page2 = tab2.get("inbox.xhtml").body();

        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var approve = both.submit(
                    () -> tab1.click("inbox.xhtml", page1, buttonOf(page1, "inbox:pending", id, "approve"), true));
            var other = both.submit(
                    () -> tab2.click("inbox.xhtml", page2, buttonOf(page2, "inbox:pending", id, "approve"), true));
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
                    "the other is told who; refusals: " + tail(audit("access.refused")));
        } finally {
            both.shutdownNow();
        }
        assertTrue(row("tyamada", id).contains("|APPROVED|"));
        assertEquals(1, decisionsOn(id));
    }

    /**
     * A quarter hour 1 to 12 days ahead, before 20:00 UTC (room for the longest window the tests ask for before the
     * day ends): runs sharing a database rarely pick overlapping windows for the same person.
     */
    private static LocalDateTime someQuarterHourAhead() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(random.nextInt(1, 13))
                .withHour(random.nextInt(0, 20))
                .withMinute(15 * random.nextInt(0, 4))
                .withSecond(0)
                .withNano(0);
    }

    /** Asks ahead for a window of {@code minutes} on a day of its own; returns the new request's id. */
    private long askAhead(PortalSession session, int minutes, String reason) {
        LocalDateTime start = someQuarterHourAhead();
        String answer = ask(session, start, start.plusMinutes(minutes), reason);
        java.util.regex.Matcher sent =
                java.util.regex.Pattern.compile("Request (\\d+) was sent").matcher(answer);
        return sent.find() ? Long.parseLong(sent.group(1)) : fail("not sent: " + answer);
    }

    /** Posts the deny dialog of the inbox view {@code page} (the view that remembers which request is being denied). */
    private String denyWith(PortalSession session, String page, String reason) {
        String form = "denyForm=denyForm&denyForm%3Areason=" + PortalSession.encode(reason)
                + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=denyForm%3Aconfirm"
                + "&jakarta.faces.partial.execute=denyForm&jakarta.faces.partial.render=denyForm+inbox"
                + "&denyForm%3Aconfirm=denyForm%3Aconfirm" + PortalSession.pageTokens(page);
        return session.post("inbox.xhtml", form, true).body();
    }

    /** Opens {@code path} and presses {@code button} in the row of request {@code id} of {@code table} (AJAX). */
    private static void pressInRow(PortalSession session, String path, String table, long id, String button) {
        String page = session.get(path).body();
        HttpResponse<String> response = session.click(path, page, buttonOf(page, table, id, button), true);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static String buttonOf(String page, String table, long id, String button) {
        int row = page.indexOf("data-request=\"" + id + "\"");
        assertTrue(row > 0, "request " + id + " is listed");
        java.util.regex.Matcher found = java.util.regex.Pattern.compile(
                        "id=\"(" + java.util.regex.Pattern.quote(table) + ":\\d+:" + button + ")\"")
                .matcher(page);
        return found.find(row) ? found.group(1) : fail("no " + button + " for " + id);
    }

    private String audit(String action) {
        return get(base, "api/it-probe/audit?action=" + action + "&after=0").body();
    }

    private static String tail(String text) {
        return text.length() > 600 ? text.substring(text.length() - 600) : text;
    }

    private long decisionsOn(long request) {
        return Long.parseLong(
                get(base, "api/it-probe/decisions?request=" + request).body());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Posts a denied logon from {@code computer} (unique per test) and returns the stored notification's id. */
    private long stored(String user, String eventTime, String computer) {
        return ItSupport.storedDenial(base, user, eventTime, computer);
    }

    /** Posts the "Request extra hours" form as the page's AJAX button does; returns the partial response. */
    private String ask(PortalSession session, LocalDateTime start, LocalDateTime end, String reason) {
        String page = session.get("requests.xhtml").body();
        String form = "ask=ask&ask%3Astart_input=" + PortalSession.encode(FORM.format(start))
                + "&ask%3Aend_input=" + PortalSession.encode(FORM.format(end))
                + "&ask%3Atypes=WORKSTATION&ask%3Areason=" + PortalSession.encode(reason)
                + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=ask%3Asend"
                + "&jakarta.faces.partial.execute=ask&jakarta.faces.partial.render=ask+mine&ask%3Asend=ask%3Asend"
                + PortalSession.pageTokens(page);
        HttpResponse<String> response = session.post("requests.xhtml", form, true);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private JsonArray requests(String account) {
        return WebhookIT.parseArray(
                get(base, "api/it-probe/requests?account=" + account).body());
    }

    private String row(String account, long id) {
        return requests(account).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .filter(r -> r.startsWith(id + "|"))
                .findFirst()
                .orElseGet(() -> fail("no request " + id + " for " + account));
    }
}
