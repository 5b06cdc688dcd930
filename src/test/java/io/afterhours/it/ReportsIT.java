package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.post;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reports (F7 charts) over real HTTP: denied logons posted to the webhook as UserLock sends them, requests asked
 * on the form and decided in the inbox, a logon in a granted window; the probe then puts the requests at known
 * moments of March 2025, so every number on the page is known exactly. A fresh manager's team per test keeps other
 * runs' data out of the team's numbers; auditors and administrators see everyone or a chosen team; employees are
 * refused; in Chromium the charts draw under the portal's content security policy.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT extends BrowserTest {

    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
    private static final String PERIOD = "audit/reports.xhtml?from=2025-03-10&to=2025-03-16";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;
    String run;
    String boss;
    String first;
    String second;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment().addClasses(ReportsProbe.class);
    }

    @BeforeEach
    void setUp() throws Exception {
        base = ItSupport.loopback(deploymentUrl);
        driver = new RequestDriver(base);
        run = runId();
        boss = "rboss" + run;
        first = "rone" + run;
        second = "rtwo" + run;
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        DemoDirectory.addEmployee(base, first, bossDn);
        DemoDirectory.addEmployee(base, second, bossDn);
    }

    @Test
    void theTeamsNumbersAreExactForItsManagerAndForAnAuditorWhoChoosesTheTeam() throws Exception {
        seed();
        logonInTheFirstWindow();

        String page = new PortalSession(base).signedInAs(boss).get(PERIOD).body();
        assertTeamNumbers(page);
        assertTrue(page.contains("From 2025-03-10 to 2025-03-16"), page);

        String auditorTeam = new PortalSession(base)
                .signedInAs("aauditor")
                .get(PERIOD + "&manager=" + boss)
                .body();
        assertTeamNumbers(auditorTeam);
        // The usage export beside the chart: same period and team, each granted window with its usage.
        Matcher export = Pattern.compile("id=\"[^\"]*usage-export\"[^>]*href=\"[^\"]*(usage\\.csv[^\"]*)\"")
                .matcher(auditorTeam);
        assertTrue(export.find(), auditorTeam);
        String link = export.group(1).replace("&amp;", "&");
        assertEquals("usage.csv?from=2025-03-10&to=2025-03-16&manager=" + boss, link);
        String csv = new PortalSession(base).signedInAs("aauditor").get(link).body();
        assertTrue(csv.contains("," + first + ",") && csv.contains(",yes,"), "the first one's window was used: " + csv);
        assertFalse(csv.contains(",mdubois,"), "only the team: " + csv);

        String everyone =
                new PortalSession(base).signedInAs("aadmin").get(PERIOD).body();
        assertTrue(
                Long.parseLong(text(everyone, "requests-total")) >= 5 && denialsOn(everyone, "2025-03-12") >= 3,
                "everyone's numbers include the team's and the outsider's denial: " + everyone);
    }

    @Test
    void aManagerSeesOnlyTheirTeamAndAnEmployeeIsRefused() throws Exception {
        seed();
        PortalSession other = new PortalSession(base).signedInAs("mdubois");
        for (String path : new String[] {PERIOD, PERIOD + "&manager=" + boss}) {
            HttpResponse<String> response = other.get(path);
            assertEquals(200, response.statusCode());
            assertFalse(response.body().contains(first), "another manager never sees this team: " + path);
            assertFalse(response.body().contains(second));
        }
        HttpResponse<String> employee =
                new PortalSession(base).signedInAs(first).get(PERIOD);
        assertEquals(403, employee.statusCode());
        assertFalse(employee.body().contains("denials-table"));

        String backwards = new PortalSession(base)
                .signedInAs(boss)
                .get("audit/reports.xhtml?from=2025-03-20&to=2025-03-10")
                .body();
        assertTrue(backwards.contains("The period is not valid"), backwards);
        assertFalse(backwards.contains("denials-table"));
        String unknownTeam = new PortalSession(base)
                .signedInAs("aauditor")
                .get(PERIOD + "&manager=nobody" + run)
                .body();
        assertTrue(unknownTeam.contains("No one in the directory has that account name"), unknownTeam);
    }

    @Test
    void theChartsDrawInTheBrowserUnderTheContentSecurityPolicy() throws Exception {
        chromium.signIn(base, "aauditor");
        browser.findElement(By.id("nav-reports")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("denials-table")));
        // The default period is the last 30 days: at least one denial chart; the others when there is data.
        browser.get(base.resolve("audit/reports.xhtml?from=2025-03-01&to=2025-03-31")
                .toString());
        for (String chart :
                new String[] {"denials-chart", "outcomes-chart", "decision-chart", "usage-chart", "top-chart"}) {
            if (browser.findElements(By.id(chart)).isEmpty()) {
                assertFalse("denials-chart".equals(chart), "the denial chart is always there");
                continue;
            }
            chromium.await().until(d -> drawn(chart));
        }
        assertTrue(browser.findElement(By.id("denials-table"))
                .getAttribute("textContent")
                .contains("2025-03-12"));
        // The page's hand-made buttons are dressed like PrimeFaces' own (its stylesheet was missing here once: the
        // Show button shrank to its text and the download icon sat at the page's edge).
        int show = browser.findElement(By.id("show")).getSize().getHeight();
        assertTrue(show >= 30, "the Show button has the buttons' padding: " + show + " px");
        assertEquals(show, browser.findElement(By.id("usage-export")).getSize().getHeight(), "the export link too");
        Path dir = Path.of(System.getProperty("afterhours.it.buildDirectory", "target"), "screenshots");
        Files.createDirectories(dir);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve("reports.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether Chart.js painted anything on the chart's canvas (a pixel that is not transparent). */
    private boolean drawn(String chart) {
        Object painted = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = document.getElementById(arguments[0] + '_canvas');"
                                + " if (!c || c.width === 0) return false;"
                                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;",
                        chart);
        return Boolean.TRUE.equals(painted);
    }

    /**
     * The team's March 2025: denials 2 on the 12th and 2 on the 14th (and one of an outsider); five requests, four
     * decided after 10, 30, 60 and 120 minutes (one denied), one pending; three granted windows.
     */
    private void seed() throws Exception {
        String outsider = "rout" + run;
        DemoDirectory.addEmployee(base, outsider, CLAIRE);
        driver.deniedLogon(first, "2025-03-12T22:00:00Z", "PC-R1-" + run);
        driver.deniedLogon(first, "2025-03-12T22:40:00Z", "PC-R2-" + run);
        driver.deniedLogon(first, "2025-03-14T22:00:00Z", "PC-R3-" + run);
        driver.deniedLogon(second, "2025-03-14T22:30:00Z", "PC-R4-" + run);
        driver.deniedLogon(outsider, "2025-03-12T22:10:00Z", "PC-R5-" + run);

        PortalSession one = new PortalSession(base).signedInAs(first);
        PortalSession two = new PortalSession(base).signedInAs(second);
        PortalSession manager = new PortalSession(base).signedInAs(boss);
        long r1 = driver.askAhead(one, 60, "Report 1 " + run);
        long r2 = driver.askAhead(one, 60, "Report 2 " + run);
        long r3 = driver.askAhead(one, 60, "Report 3 " + run);
        long r4 = driver.askAhead(two, 60, "Report 4 " + run);
        long r5 = driver.askAhead(two, 60, "Report 5 " + run);
        for (long id : new long[] {r1, r2, r4}) {
            driver.pressInRow(manager, "inbox.xhtml", "inbox:pending", id, "approve");
        }
        String inbox = manager.get("inbox.xhtml").body();
        manager.submit("inbox.xhtml", inbox, "inbox:denySelected", "inbox:pending_selection", String.valueOf(r3));
        manager.submit("inbox.xhtml", inbox, "denyForm:confirm", "denyForm:reason", "Not this week " + run);
        assertTrue(driver.row(first, r3).contains("|DENIED|"), driver.row(first, r3));
        assertTrue(driver.row(second, r5).contains("|PENDING|"), driver.row(second, r5));

        times(r1, "2025-03-11T08:00:00Z", "2025-03-11T08:10:00Z", "2025-03-11T18:00:00Z", "2025-03-11T19:00:00Z");
        times(r2, "2025-03-12T08:00:00Z", "2025-03-12T08:30:00Z", "2025-03-12T18:00:00Z", "2025-03-12T19:00:00Z");
        times(r3, "2025-03-13T08:00:00Z", "2025-03-13T09:00:00Z", null, null);
        times(r4, "2025-03-13T09:00:00Z", "2025-03-13T11:00:00Z", "2025-03-13T18:00:00Z", "2025-03-13T19:00:00Z");
        times(r5, "2025-03-14T08:00:00Z", null, null, null);
    }

    /** A logon in the first granted window, linked by the usage worker: one of the three windows was used. */
    private void logonInTheFirstWindow() {
        HttpResponse<String> logon = postJson(
                base,
                notification(first)
                        .withEventType(1)
                        .withEventTime("2025-03-11T18:10:00Z")
                        .withComputer("PC-U-" + run)
                        .json());
        assertEquals(200, logon.statusCode(), logon.body());
        RequestDriver.await(
                () -> get(base, "api/it-probe/notifications/usage-waiting?marker=" + first)
                        .body(),
                "0"::equals);
    }

    private void times(long id, String created, String decided, String windowStart, String windowEnd) {
        StringBuilder query =
                new StringBuilder("api/it-probe-reports/request-times?request=" + id + "&created=" + created);
        if (decided != null) {
            query.append("&decided=").append(decided);
        }
        if (windowStart != null) {
            query.append("&windowStart=")
                    .append(windowStart)
                    .append("&windowEnd=")
                    .append(windowEnd);
        }
        HttpResponse<String> moved = post(base, query.toString(), null, new byte[0]);
        assertEquals(200, moved.statusCode(), moved.body());
    }

    private void assertTeamNumbers(String page) {
        assertEquals(2, denialsOn(page, "2025-03-12"), page);
        assertEquals(0, denialsOn(page, "2025-03-13"));
        assertEquals(2, denialsOn(page, "2025-03-14"));
        assertEquals(0, denialsOn(page, "2025-03-16"));
        assertTrue(page.contains("4 out-of-hours denials in the period."), page);
        assertEquals("5", text(page, "requests-total"));
        assertEquals(1, cell(page, "data-state=\"DENIED\""));
        assertEquals(1, cell(page, "data-state=\"PENDING\""));
        assertEquals("4", text(page, "decided"));
        assertTrue(page.contains("id=\"median\" data-seconds=\"1800\">30 min<"), page);
        assertTrue(page.contains("id=\"p90\" data-seconds=\"7200\">2 h 00 min<"), page);
        assertEquals("1", text(page, "used"));
        assertEquals("2", text(page, "unused"));
        assertEquals(3, cell(page, "data-account=\"" + first + "\""));
        assertEquals(2, cell(page, "data-account=\"" + second + "\""));
        assertTrue(
                page.indexOf("data-account=\"" + first + "\"") < page.indexOf("data-account=\"" + second + "\""),
                "most requests first");
        assertTrue(page.contains("id=\"denials-chart\""), "the chart is rendered");
        assertTrue(page.contains("id=\"top-chart\""), "the chart is rendered");
    }

    private static long denialsOn(String page, String day) {
        return cell(page, "data-day=\"" + day + "\"");
    }

    /** The count in the row that carries {@code marker}. */
    private static long cell(String page, String marker) {
        Matcher row = Pattern.compile(Pattern.quote(marker) + ">.*?<td class=\"ah-num\">(\\d+)</td>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(row.find(), "no row " + marker + " in " + page);
        return Long.parseLong(row.group(1));
    }

    private static String text(String page, String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(page);
        assertTrue(element.find(), "no " + id + " in " + page);
        return element.group(1).strip();
    }
}
