package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole loop with the UserLock simulator, driven through the Try-it page over HTTP: the simulated UserLock denies
 * an out-of-hours logon and notifies the webhook, a request opens, the manager approves it in the browser, the
 * simulator's bridge leases and applies the extension over the bridge API, the request is SCHEDULED, the next
 * attempt is allowed and notified as a logon, and the request page shows that logon on the extension.
 */
@ExtendWith(ArquillianExtension.class)
class SimulatorLoopIT extends BrowserTest {

    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
    private static final String PAGE = "admin/tryit.xhtml";
    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ArquillianResource
    URL deploymentUrl;

    PortalSession admin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @AfterEach
    void pauseTheBridge() {
        if (admin != null && tryIt().contains("data-running=\"true\"")) {
            press("tryit-form:toggle-bridge");
        }
    }

    @Test
    void deniedApprovedAppliedThenAllowedAndUsed() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        RequestDriver driver = new RequestDriver(base);
        String run = ItSupport.runId();
        String boss = "simboss" + run;
        String worker = "simw" + run;
        DemoDirectory.addEmployee(base, worker, DemoDirectory.addEmployee(base, boss, CLAIRE));
        admin = new PortalSession(base).signedInAs("aadmin");

        String page = tryIt();
        ZoneId zone = ZoneId.of(attribute(page, "data-zone"));
        // Midnight in Paris (the ITs' working hours are Europe/Paris): out of hours whatever the day.
        Instant night = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(23, 0).toInstant(ZoneOffset.UTC);

        String denied = attempt(worker, night, zone, "attempt");
        assertEquals("false", attribute(denied, "data-allowed"), denied);
        assertTrue(denied.contains("outside the normal hours"), denied);
        assertTrue(denied.contains("HTTP 200"), "the webhook took the notification: " + denied);

        long id = Long.parseLong(RequestDriver.await(
                        () -> {
                            var rows = driver.requests(worker);
                            return rows.isEmpty() ? "" : rows.getString(0);
                        },
                        r -> !r.isEmpty())
                .split("\\|")[0]);

        // The manager approves in the browser.
        chromium.signIn(base, boss);
        browser.findElement(By.id("nav-inbox")).click();
        WebElement row = chromium.await()
                .until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tr[.//*[@data-request='" + id + "']]")));
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:messages"), "approved"));

        // Still denied until the bridge applies it.
        assertEquals("false", attribute(attempt(worker, night.plusSeconds(600), zone, "attempt"), "data-allowed"));

        assertTrue(tryIt().contains("data-running=\"false\""), "the ITs start with the simulated bridge paused");
        press("tryit-form:toggle-bridge");
        RequestDriver.await(() -> driver.row(worker, id), r -> r.contains("|SCHEDULED|") || r.contains("|ACTIVE|"));

        String allowed = attempt(worker, night.plusSeconds(600), zone, "attempt");
        assertEquals("true", attribute(allowed, "data-allowed"), allowed);
        assertEquals("1", attribute(allowed, "data-event-type"), "a logon is notified");
        assertTrue(allowed.contains("temporary user account AH-"), allowed);
        assertTrue(allowed.contains("HTTP 200"), allowed);
        assertTrue(allowed.contains("data-account-key=\"AH-"), "the temporary account is listed");

        String off = attempt(worker, night.plusSeconds(1800), zone, "logoff");
        assertEquals("0", attribute(off, "data-event-type"), off);

        PortalSession manager = new PortalSession(base).signedInAs(boss);
        // The window has not started yet (the attempts are at tomorrow's times), so the badge shows a dash; the
        // logon is linked to it and shown as its first use.
        String used = RequestDriver.await(
                () -> manager.get("request.xhtml?id=" + id).body(), p -> p.contains("id=\"usage-first\""));
        assertTrue(used.contains("id=\"usage-first\""), "the request page shows the logon on the extension");
        assertTrue(used.contains("PC-SIM"), "from the simulated computer");
    }

    @Test
    void theTryItPageFailsTheNextApplyOnRequest() {
        URI base = ItSupport.loopback(deploymentUrl);
        admin = new PortalSession(base).signedInAs("aadmin");
        String page = tryIt();
        HttpResponse<String> response =
                admin.submit(PAGE, page, "tryit-form:fail-next", "tryit-form:failures", "2", "tryit-form:account", "");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Failures still to come: 2"), response.body());
    }

    private String tryIt() {
        HttpResponse<String> response = admin.get(PAGE);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private void press(String button) {
        assertEquals(200, admin.submit(PAGE, tryIt(), button).statusCode());
    }

    private String attempt(String account, Instant at, ZoneId zone, String button) {
        HttpResponse<String> response = admin.submit(
                PAGE,
                tryIt(),
                "tryit-form:" + button,
                "tryit-form:account",
                account,
                "tryit-form:when",
                FORM.format(at.atZone(zone)),
                "tryit-form:type",
                "WORKSTATION",
                "tryit-form:computer",
                "PC-SIM");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String attribute(String page, String name) {
        Matcher found = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertTrue(found.find(), "no " + name + " in " + page);
        return found.group(1);
    }
}
