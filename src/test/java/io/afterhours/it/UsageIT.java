package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Usage of granted extensions (F6) over real HTTP: logons and logoffs posted to the webhook as UserLock sends them,
 * linked by the usage worker to the window the manager approved, and shown on the request page, the team page and
 * the employee's list, to those who may see the request only. Each test makes its own manager and employee.
 */
@ExtendWith(ArquillianExtension.class)
class UsageIT {

    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
    private static final int LOGOFF = 0;
    private static final int LOGON = 1;

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;
    String run;
    String boss;
    String worker;
    PortalSession employee;
    PortalSession manager;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() throws Exception {
        base = ItSupport.loopback(deploymentUrl);
        driver = new RequestDriver(base);
        run = runId();
        boss = "boss" + run;
        worker = "wrk" + run;
        DemoDirectory.addEmployee(base, worker, DemoDirectory.addEmployee(base, boss, CLAIRE));
        employee = new PortalSession(base).signedInAs(worker);
        manager = new PortalSession(base).signedInAs(boss);
    }

    @Test
    void sessionsInTheApprovedWindowAreLinkedPairedAndClippedWhateverTheirOrder() {
        long id = approvedWindow(60);
        Instant start = pastWindow(id, 60, 50);

        session(LOGON, start.plusSeconds(10 * 60), "PC-A-" + run, null);
        session(LOGOFF, start.plusSeconds(30 * 60), "PC-A-" + run, null);
        session(LOGON, start.minusSeconds(20 * 60), "PC-X-" + run, null);
        session(LOGOFF, start.minusSeconds(5 * 60), "PC-X-" + run, null);
        session(LOGON, start.plusSeconds(35 * 60), "PC-B-" + run, "7");
        // Out of order: the logoff arrives before its logon.
        session(LOGOFF, start.plusSeconds(45 * 60), "PC-C-" + run, null);
        session(LOGON, start.plusSeconds(40 * 60), "PC-C-" + run, null);
        // UserLock's backup server reports the same logon again: one event.
        HttpResponse<String> again = postJson(
                base,
                notification(worker)
                        .withEventType(LOGON)
                        .withEventTime(start.plusSeconds(10 * 60).toString())
                        .withComputer("PC-A-" + run)
                        .fromBackup()
                        .json());
        assertEquals(200, again.statusCode(), again.body());
        awaitLinked();

        // 20 min on PC-A, 15 on PC-B up to the end (still logged on), 5 on PC-C; PC-X was before the window.
        String page = manager.get("request.xhtml?id=" + id).body();
        assertEquals("Used 40 min · still logged on at the end", text(page, "usage-badge"));
        assertEquals("40 min", text(page, "usage-total"));
        Matcher first = Pattern.compile("id=\"usage-first\">([^<]*)</span>\\s*<span class=\"ah-muted\"> \\(([^)]*)\\)")
                .matcher(page);
        assertTrue(first.find(), page);
        assertEquals(
                DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH)
                        .format(start.plusSeconds(10 * 60).atZone(ZoneId.of(first.group(2)))),
                first.group(1),
                "the first logon in the viewer's zone, named");
        assertTrue(page.contains("id=\"usage-at-end\""), "still logged on at the end");
        assertTrue(page.contains("PC-A-" + run) && page.contains("PC-B-" + run) && page.contains("PC-C-" + run));
        assertFalse(page.contains("PC-X-" + run), "a session outside the window does not count");
        assertEquals(1, count(driver.audit("extension.used"), run), "the first logon is audited once");

        assertEquals(
                "Used 40 min · still logged on at the end",
                text(employee.get("requests.xhtml").body(), "usage-" + id),
                "on the employee's list");
        assertEquals(
                "Used 40 min · still logged on at the end",
                text(manager.get("team.xhtml").body(), "usage-" + id),
                "on the manager's team page");

        // Taken again (as after a crash before the commit): nothing changes, nothing is audited twice.
        assertTrue(Long.parseLong(
                        ItSupport.post(base, "api/it-probe/notifications/usage-again?user=" + worker, null, new byte[0])
                                .body())
                > 0);
        awaitLinked();
        assertEquals(
                "Used 40 min · still logged on at the end",
                text(manager.get("request.xhtml?id=" + id).body(), "usage-badge"));
        assertEquals(1, count(driver.audit("extension.used"), run));
    }

    @Test
    void aWindowNotStartedShowsADashAndAnEndedOneWithoutLogonIsNotUsed() {
        long past = approvedWindow(45);
        Instant start = pastWindow(past, 120, 30);
        long coming = approvedWindow(30);
        // A logon after that window ended belongs to no extension.
        session(LOGON, start.plusSeconds(40 * 60), "PC-L-" + run, null);
        awaitLinked();

        String mine = employee.get("requests.xhtml").body();
        assertEquals("—", text(mine, "usage-" + coming));
        assertEquals("Not used", text(mine, "usage-" + past));
        String page = manager.get("request.xhtml?id=" + past).body();
        assertEquals("Not used", text(page, "usage-badge"));
        assertFalse(page.contains("PC-L-" + run));
    }

    @Test
    void noOneElseSeesTheUsage() {
        long id = approvedWindow(60);
        Instant start = pastWindow(id, 60, 50);
        session(LOGON, start.plusSeconds(5 * 60), "PC-S-" + run, null);
        awaitLinked();
        assertEquals(
                "Used 45 min · still logged on at the end",
                text(manager.get("request.xhtml?id=" + id).body(), "usage-badge"));

        HttpResponse<String> stranger =
                new PortalSession(base).signedInAs("kbenali").get("request.xhtml?id=" + id);
        assertEquals(403, stranger.statusCode());
        assertFalse(stranger.body().contains("PC-S-" + run));
        String otherTeam =
                new PortalSession(base).signedInAs("mdubois").get("team.xhtml").body();
        assertFalse(otherTeam.contains("id=\"usage-" + id + "\""), "not on another manager's team page");
        String otherList = new PortalSession(base)
                .signedInAs("zlefevre")
                .get("requests.xhtml")
                .body();
        assertFalse(otherList.contains("id=\"usage-" + id + "\""), "not on another employee's list");
    }

    @Test
    void theUsageExportListsTheTeamsExtensionsWithTheirUsageForThoseWhoMaySeeThem() {
        long used = approvedWindow(60);
        Instant start = pastWindow(used, 60, 50);
        long unused = approvedWindow(30);
        pastWindow(unused, 180, 30);
        session(LOGON, start.plusSeconds(5 * 60), "PC-E-" + run, null);
        awaitLinked();

        HttpResponse<String> csv = manager.get("usage.csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFrequest,person,window start ("), "BOM and header: " + csv.body());
        // 45 minutes from the logon to the end of the 50-minute window, one session, still logged on at the end.
        assertTrue(
                Pattern.compile("(?m)^" + used + "," + worker + ",[^,]+,[^,]+,yes,[^,]+,45,1,yes$")
                        .matcher(csv.body())
                        .find(),
                csv.body());
        assertTrue(
                Pattern.compile("(?m)^" + unused + "," + worker + ",[^,]+,[^,]+,no,,0,0,no$")
                        .matcher(csv.body())
                        .find(),
                csv.body());
        assertTrue(
                driver.audit("usage.exported").contains(boss + "|CSV export of the extensions granted from "),
                "the export is audited");

        String byAuditor = new PortalSession(base)
                .signedInAs("aauditor")
                .get("usage.csv?manager=" + boss)
                .body();
        assertTrue(byAuditor.contains("\n" + used + "," + worker + ","), "an auditor chooses the team: " + byAuditor);
        String otherManager =
                new PortalSession(base).signedInAs("kbenali").get("usage.csv").body();
        assertFalse(otherManager.contains("," + worker + ","), "another manager's export: " + otherManager);
        assertFalse(
                new PortalSession(base)
                        .signedInAs("kbenali")
                        .get("usage.csv?manager=" + boss)
                        .body()
                        .contains("," + worker + ","),
                "a manager cannot choose another team");
        assertEquals(403, employee.get("usage.csv").statusCode(), "employees have the request pages, not exports");
        HttpResponse<String> bad = manager.get("usage.csv?from=2026-02-30");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("The period is not valid"), bad.body());
        HttpResponse<String> nobody =
                new PortalSession(base).signedInAs("aauditor").get("usage.csv?manager=nobody" + run);
        assertEquals(400, nobody.statusCode(), "refused after the download had begun: " + nobody.body());
        assertEquals("No one in the directory has that account name.\n", nobody.body());
        HttpResponse<String> tooLong = manager.get("usage.csv?from=2020-01-01&to=2026-01-01");
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("at most 366 days"), tooLong.body());
    }

    /** The employee asks ahead and the manager approves in the inbox; returns the request id. */
    private long approvedWindow(int minutes) {
        long id = driver.askAhead(employee, minutes, "Usage " + run);
        driver.pressInRow(manager, "inbox.xhtml", "inbox:pending", id, "approve");
        assertTrue(driver.row(worker, id).contains("|APPROVED|"), driver.row(worker, id));
        return id;
    }

    /** Moves the granted window to have started {@code startAgo} minutes ago; returns its start. */
    private Instant pastWindow(long id, int startAgo, int minutes) {
        String moved = ItSupport.post(
                        base,
                        "api/it-probe/requests/window?request=" + id + "&startAgo=" + startAgo + "&minutes=" + minutes,
                        null,
                        new byte[0])
                .body();
        return Instant.parse(moved);
    }

    private void session(int type, Instant at, String computer, String sessionId) {
        String json = notification(worker)
                .withEventType(type)
                .withEventTime(at.toString())
                .withComputer(computer)
                .json();
        if (sessionId != null) {
            json = json.replace(",\"SessionType\":1}", ",\"SessionType\":1,\"SessionId\":\"" + sessionId + "\"}");
        }
        HttpResponse<String> response = postJson(base, json);
        assertEquals(200, response.statusCode(), response.body());
    }

    private void awaitLinked() {
        RequestDriver.await(
                () -> get(base, "api/it-probe/notifications/usage-waiting?marker=" + worker)
                        .body(),
                "0"::equals);
    }

    private static String text(String page, String id) {
        Matcher span = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(page);
        assertTrue(span.find(), "no " + id + " in " + page);
        return span.group(1).strip();
    }

    private static long count(String haystack, String needle) {
        return Pattern.compile(Pattern.quote(needle))
                .matcher(haystack)
                .results()
                .count();
    }
}
