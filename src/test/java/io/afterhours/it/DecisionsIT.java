package io.afterhours.it;

import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * Deciding, over real HTTP, beyond the one-tap inbox: deputies (F3), the request page with its evidence and history
 * (and who may open it, P9), several requests decided at once, and deciding what is no longer pending (P12). Each
 * test makes its own manager and reports in the demo directory, so no other test's requests get in the way.
 */
@ExtendWith(ArquillianExtension.class)
class DecisionsIT {

    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;
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
    }

    @Test
    void aDeputyDecidesForTheManagerOnlyWhileTheDeputyshipRuns() throws Exception {
        String boss = "boss" + run;
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        String worker = "wrk" + run;
        DemoDirectory.addEmployee(base, worker, bossDn);
        String deputy = "dep" + run;
        DemoDirectory.addEmployee(base, deputy, CLAIRE);
        PortalSession manager = new PortalSession(base).signedInAs(boss);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String self = appoint(manager, boss, today, today.plusDays(2));
        assertTrue(self.contains("You cannot be your own deputy."), self);
        String appointed = appoint(manager, deputy, today, today.plusDays(2));
        assertTrue(appointed.contains(deputy + " is your deputy"), appointed);
        assertTrue(driver.audit("deputy.appointed").contains(deputy + " decides for " + boss));

        PortalSession employee = new PortalSession(base).signedInAs(worker);
        long id = driver.askAhead(employee, 60, "Inventory " + run);
        PortalSession stand = new PortalSession(base).signedInAs(deputy);
        assertTrue(stand.get("index.xhtml").body().contains("id=\"nav-inbox\""), "the inbox is in the deputy's menu");
        String inbox = stand.get("inbox.xhtml").body();
        assertTrue(inbox.contains("data-request=\"" + id + "\""), "in the deputy's inbox");
        assertTrue(inbox.contains("as deputy for Test " + boss), "marked as the manager's");

        driver.pressInRow(stand, "inbox.xhtml", "inbox:pending", id, "approve");
        assertTrue(driver.row(worker, id).contains("|APPROVED|"));
        assertTrue(driver.audit("request.approved").contains("as deputy, on behalf of Test " + boss));
        String detail = stand.get("request.xhtml?id=" + id).body();
        assertTrue(detail.contains("on behalf of Test " + boss), "the request says on whose behalf");

        String team = manager.get("team.xhtml").body();
        manager.click(
                "team.xhtml", team, RequestDriver.buttonOf(team, "deputyForm:list", "data-deputy=", "withdraw"), true);
        assertTrue(driver.audit("deputy.withdrawn").contains(deputy));
        long later = driver.askAhead(employee, 30, "Stocktake " + run);
        assertFalse(
                stand.get("inbox.xhtml").body().contains("data-request=\"" + later + "\""),
                "no longer the deputy's once withdrawn");
        assertEquals(403, stand.get("request.xhtml?id=" + later).statusCode(), "nor can they open it");
        assertTrue(manager.get("inbox.xhtml").body().contains("data-request=\"" + later + "\""));
    }

    @Test
    void theRequestPageShowsTheEvidenceAndHistoryToThoseConcernedOnly() throws Exception {
        String boss = "boss" + run;
        String worker = "wrk" + run;
        PortalSession employee = teamOfOne(boss, worker);
        long earlier = driver.askAhead(employee, 30, "Earlier ask " + run);
        String night = LocalDate.now(ZoneOffset.UTC) + "T23:00:00Z";
        long id = driver.deniedLogon(worker, night, "PC-A-" + run);
        assertEquals(id, driver.deniedLogon(worker, night.replace("23:00", "23:05"), "PC-B-" + run));

        PortalSession manager = new PortalSession(base).signedInAs(boss);
        String page = manager.get("request.xhtml?id=" + id).body();
        assertTrue(page.contains("PC-A-" + run) && page.contains("PC-B-" + run), "both denied logons");
        assertTrue(page.contains("Earlier ask " + run), "the employee's last 90 days");
        assertTrue(page.contains("id=\"decide\""), "the manager may decide here");
        java.util.regex.Matcher hours = java.util.regex.Pattern.compile("id=\"detail:normalHours\">([^<]*)<")
                .matcher(page);
        assertTrue(
                hours.find()
                        && hours.group(1).contains("08:00")
                        && hours.group(1).contains("Europe/Paris"),
                page);

        String own = employee.get("request.xhtml?id=" + id).body();
        assertTrue(own.contains("PC-A-" + run) && !own.contains("id=\"decide\""), "the employee sees it, no buttons");
        assertEquals(
                200,
                new PortalSession(base)
                        .signedInAs("aauditor")
                        .get("request.xhtml?id=" + id)
                        .statusCode());
        assertEquals(
                403,
                new PortalSession(base)
                        .signedInAs("kbenali")
                        .get("request.xhtml?id=" + id)
                        .statusCode());
        assertEquals(
                403,
                new PortalSession(base)
                        .signedInAs("zlefevre")
                        .get("request.xhtml?id=" + id)
                        .statusCode());
        assertEquals(403, manager.get("request.xhtml?id=x'" + id).statusCode(), "a malformed id is refused");

        LocalDateTime start = RequestDriver.someQuarterHourAhead().withHour(20).withMinute(0);
        long ahead = RequestDriver.sent(driver.ask(employee, start, start.plusHours(3), "Until test " + run));
        String detail = manager.get("request.xhtml?id=" + ahead).body();
        HttpResponse<String> until = manager.submit(
                "request.xhtml?id=" + ahead, detail, "detail:approveUntil", "detail:until_input", "21:30");
        assertTrue(until.body().contains("approved"), until.body());
        String after = manager.get("request.xhtml?id=" + ahead).body();
        assertTrue(after.contains("20:00 → ") && after.contains("21:30"), "approved until 21:30, not 23:00");
        assertTrue(driver.row(worker, earlier).contains("|PENDING|"), "the other request is untouched");
    }

    @Test
    void severalRequestsAreApprovedAtOnceAndOneDecidedMeanwhileIsReported() throws Exception {
        String boss = "boss" + run;
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        long[] ids = new long[3];
        String[] workers = new String[3];
        for (int i = 0; i < 3; i++) {
            workers[i] = "wrk" + i + run;
            DemoDirectory.addEmployee(base, workers[i], bossDn);
            ids[i] = driver.askAhead(new PortalSession(base).signedInAs(workers[i]), 60, "Batch " + i + " " + run);
        }
        PortalSession manager = new PortalSession(base).signedInAs(boss);
        String inbox = manager.get("inbox.xhtml").body();
        assertTrue(inbox.contains("1 h · Desk</div>"), "the session type in words: " + inbox);
        assertFalse(inbox.contains("WORKSTATION"), "not UserLock's name for it");
        PortalSession otherTab = new PortalSession(base).signedInAs(boss);
        String noReason = manager.submit(
                        "inbox.xhtml", inbox, "inbox:denySelected", "inbox:pending_selection", ids[0] + "," + ids[2])
                .body();
        assertTrue(noReason.contains("denyForm"), noReason);
        String refused = manager.submit("inbox.xhtml", inbox, "denyForm:confirm", "denyForm:reason", " ")
                .body();
        assertTrue(refused.contains("Say why you deny it"), refused);
        assertTrue(driver.row(workers[0], ids[0]).contains("|PENDING|"), "nothing denied without a reason");

        PortalSession stranger = new PortalSession(base).signedInAs("kbenali");
        String forged = stranger.submit(
                        "inbox.xhtml",
                        stranger.get("inbox.xhtml").body(),
                        "inbox:approveSelected",
                        "inbox:pending_selection",
                        String.valueOf(ids[0]))
                .body();
        assertFalse(forged.contains("approved."), "a forged selection selects nothing: " + forged);
        assertTrue(driver.row(workers[0], ids[0]).contains("|PENDING|"), "another manager decides nothing (P9)");

        driver.pressInRow(otherTab, "inbox.xhtml", "inbox:pending", ids[1], "approve");
        String answer = manager.submit(
                        "inbox.xhtml",
                        inbox,
                        "inbox:approveSelected",
                        "inbox:pending_selection",
                        ids[0] + "," + ids[1] + "," + ids[2])
                .body();
        assertTrue(answer.contains("2 requests approved."), answer);
        assertTrue(answer.contains("already decided by Test " + boss), answer);
        for (int i = 0; i < 3; i++) {
            assertTrue(driver.row(workers[i], ids[i]).contains("|APPROVED|"), driver.row(workers[i], ids[i]));
            assertEquals(1, driver.decisionsOn(ids[i]));
        }
    }

    @Test
    void aRequestWithdrawnWhileTheManagerLooksCannotBeDecided() throws Exception {
        String boss = "boss" + run;
        String worker = "wrk" + run;
        PortalSession employee = teamOfOne(boss, worker);
        long id = driver.askAhead(employee, 60, "Withdrawn " + run);
        PortalSession manager = new PortalSession(base).signedInAs(boss);
        String stale = manager.get("inbox.xhtml").body();

        driver.pressInRow(employee, "requests.xhtml", "mine:list", id, "cancel");
        assertTrue(driver.row(worker, id).contains("|CANCELLED|"));
        String answer = manager.click(
                        "inbox.xhtml", stale, RequestDriver.buttonOf(stale, "inbox:pending", id, "approve"), true)
                .body();

        assertTrue(answer.contains("cannot change that way") || answer.contains("withdrawn"), answer);
        assertTrue(driver.row(worker, id).contains("|CANCELLED|"), "still withdrawn");
        assertEquals(0, driver.decisionsOn(id));
    }

    @Test
    void whenTheDirectoryNamesAnotherManagerThePendingRequestMovesToThem() throws Exception {
        String oldBoss = "old" + run;
        String newBoss = "new" + run;
        String oldDn = DemoDirectory.addEmployee(base, oldBoss, CLAIRE);
        String newDn = DemoDirectory.addEmployee(base, newBoss, CLAIRE);
        String worker = "wrk" + run;
        String workerDn = DemoDirectory.addEmployee(base, worker, oldDn);
        // The new manager needs a report of their own to hold the manager role before the move.
        DemoDirectory.addEmployee(base, "oth" + run, newDn);
        long id = driver.askAhead(new PortalSession(base).signedInAs(worker), 60, "Moved " + run);
        PortalSession before = new PortalSession(base).signedInAs(oldBoss);
        String stale = before.get("inbox.xhtml").body();
        assertTrue(stale.contains("data-request=\"" + id + "\""));

        DemoDirectory.setManager(base, workerDn, newDn);

        PortalSession after = new PortalSession(base).signedInAs(newBoss);
        RequestDriver.await(
                () -> after.get("inbox.xhtml").body(), page -> page.contains("data-request=\"" + id + "\""));
        assertFalse(before.get("inbox.xhtml").body().contains("data-request=\"" + id + "\""), "gone from the old");
        HttpResponse<String> late =
                before.click("inbox.xhtml", stale, RequestDriver.buttonOf(stale, "inbox:pending", id, "approve"), true);
        assertEquals(403, late.statusCode(), "the old manager's open page decides nothing");
        assertTrue(driver.audit("request.rerouted").contains("to Test " + newBoss));
        driver.pressInRow(after, "inbox.xhtml", "inbox:pending", id, "approve");
        String row = driver.row(worker, id);
        assertTrue(row.contains("|APPROVED|") && row.contains("|Test " + newBoss + "|"), row);
    }

    @Test
    void everyoneSeesTimesInTheirOwnZoneWithTheZoneUserLockEnforcesNamed() throws Exception {
        String boss = "boss" + run;
        PortalSession employee = teamOfOne(boss, "wrk" + run);
        long id = askFromEight(employee, 1, "Zones " + run);

        String profile = employee.get("person.xhtml").body();
        String saved = employee.submit("person.xhtml", profile, "zoneForm:save", "zoneForm:zone_input", "Asia/Tokyo")
                .body();
        assertTrue(saved.contains("Times are now shown in Asia/Tokyo."), saved);
        String bad = employee.submit("person.xhtml", profile, "zoneForm:save", "zoneForm:zone_input", "Mars/Base")
                .body();
        assertFalse(bad.contains("Times are now shown in Mars/Base"), bad);

        String hers = employee.get("request.xhtml?id=" + id).body();
        assertTrue(hers.contains("05:00 → ") && hers.contains("Asia/Tokyo"), "20:00 UTC is 05:00 in Tokyo");
        assertTrue(hers.contains("21:00 → ") && hers.contains("UserLock enforces working hours in Europe/Paris"));
        assertTrue(employee.get("requests.xhtml").body().contains("Asia/Tokyo"), "named on her list too");
        String his = new PortalSession(base)
                .signedInAs(boss)
                .get("request.xhtml?id=" + id)
                .body();
        assertTrue(his.contains("20:00 → ") && !his.contains("Asia/Tokyo"), "her manager keeps the default zone");
        assertTrue(driver.audit("person.zone").contains("-> Asia/Tokyo"));
    }

    @Test
    void anEmployeeExtendsHerUndecidedRequestInsteadOfAskingTwice() throws Exception {
        PortalSession employee = teamOfOne("boss" + run, "wrk" + run);
        LocalDateTime start = RequestDriver.someQuarterHourAhead();
        long id = RequestDriver.sent(driver.ask(employee, start, start.plusHours(1), "Close " + run));

        String page = employee.get("requests.xhtml").body();
        String overlap = ask(employee, page, "ask:send", start.plusMinutes(30), start.plusHours(2));
        assertTrue(overlap.contains("overlaps your request " + id) && overlap.contains("id=\"ask:extend\""), overlap);
        String tooLong = ask(employee, page, "ask:extend", start.plusMinutes(30), start.plusHours(9));
        assertTrue(tooLong.contains("longer than the policy allows"), tooLong);
        String extended = ask(employee, page, "ask:extend", start.plusMinutes(30), start.plusHours(2));
        assertTrue(extended.contains("Request " + id + " now covers both windows."), extended);

        assertTrue(
                ItSupport.get(base, "api/it-probe/audit/of?subject=request+" + id)
                        .body()
                        .contains("request.extended|wrk" + run + "|"),
                "audited as the employee's");
        String detail = employee.get("request.xhtml?id=" + id).body();
        String until = start.plusHours(2).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        assertTrue(detail.contains(" → ") && detail.contains(until), "now until " + until);
        assertEquals(1, driver.requests("wrk" + run).size(), "one request, not two");
    }

    @Test
    void fromTheInboxAManagerApprovesUntilATimeOfDay() throws Exception {
        String boss = "boss" + run;
        PortalSession employee = teamOfOne(boss, "wrk" + run);
        long id = askFromEight(employee, 3, "Until " + run);
        PortalSession manager = new PortalSession(base).signedInAs(boss);
        String inbox = manager.get("inbox.xhtml").body();

        HttpResponse<String> opened =
                manager.click("inbox.xhtml", inbox, RequestDriver.buttonOf(inbox, "inbox:pending", id, "until"), true);
        assertEquals(200, opened.statusCode(), opened.body());
        HttpResponse<String> answer =
                manager.submit("inbox.xhtml", inbox, "untilForm:confirm", "untilForm:time_input", "21:30");

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(driver.row("wrk" + run, id).contains("|APPROVED|"), driver.row("wrk" + run, id));
        String detail = manager.get("request.xhtml?id=" + id).body();
        assertTrue(detail.contains("20:00 → ") && detail.contains("21:30"), "approved until 21:30, not 23:00");
    }

    /** Fills in the "Request extra hours" form of {@code page} and presses {@code button}. */
    private static String ask(PortalSession session, String page, String button, LocalDateTime from, LocalDateTime to) {
        return session.submit(
                        "requests.xhtml",
                        page,
                        button,
                        "ask:start_input",
                        RequestDriver.FORM.format(from),
                        "ask:end_input",
                        RequestDriver.FORM.format(to),
                        "ask:types",
                        "WORKSTATION",
                        "ask:reason",
                        "More time")
                .body();
    }

    /** Asks ahead for {@code hours} from 20:00 UTC on a day of its own; returns the request's id. */
    private long askFromEight(PortalSession employee, int hours, String reason) {
        LocalDateTime start = RequestDriver.someQuarterHourAhead().withHour(20).withMinute(0);
        return RequestDriver.sent(driver.ask(employee, start, start.plusHours(hours), reason));
    }

    /** A manager made for this test and one report of theirs; returns the report's session. */
    private PortalSession teamOfOne(String boss, String worker) throws Exception {
        DemoDirectory.addEmployee(base, worker, DemoDirectory.addEmployee(base, boss, CLAIRE));
        return new PortalSession(base).signedInAs(worker);
    }

    private static String appoint(PortalSession manager, String account, LocalDate from, LocalDate until) {
        String team = manager.get("team.xhtml").body();
        HttpResponse<String> response = manager.submit(
                "team.xhtml",
                team,
                "deputyForm:appoint",
                "deputyForm:who_input",
                account,
                "deputyForm:who_hinput",
                account,
                "deputyForm:from_input",
                from.toString(),
                "deputyForm:until_input",
                until.toString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
