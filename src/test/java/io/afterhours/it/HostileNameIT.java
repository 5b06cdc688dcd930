package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
 * A person whose account name carries a quote, {@code $()} and a backtick (all allowed in a sAMAccountName) gets
 * approved windows, end to end: in manual mode the administrators' mail carries the name only inside a single-quoted
 * PowerShell literal with the quote doubled, and the confirmation on admin/action.xhtml schedules the request; in
 * bridge mode the lease hands the bridge the exact name as JSON data (the script's splatting: BridgeScriptTest). Also
 * the manual-mode home for switching the mode on the Settings page and the hand-over of the queued actions.
 */
@ExtendWith(ArquillianExtension.class)
class HostileNameIT {

    private static final String SETTINGS = "admin/settings.xhtml?group=connector";
    private static final String MODE = "afterhours.connector.mode";
    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        mode(null);
        smtp.stop();
    }

    @Test
    void aHostileAccountNameStaysDataInTheManualCommandsAndTheBridgeApi() throws Exception {
        String run = runId().substring(0, 5);
        String boss = "hb" + run;
        String worker = "o'brien$(calc)`" + run;
        PortalSession[] signedIn = employeeAndBoss(worker, boss);
        PortalSession workerSession = signedIn[0];
        PortalSession bossSession = signedIn[1];
        LocalDateTime day = RequestDriver.someQuarterHourAhead().withHour(20).withMinute(0);

        // Manual mode: the administrators are mailed the commands, the bridge API leases nothing.
        mode(true);
        long first = RequestDriver.sent(driver.ask(workerSession, day, day.plusMinutes(60), "Hostile manual"));
        driver.pressInRow(bossSession, "inbox.xhtml", "inbox:pending", first, "approve");
        assertTrue(row(worker, first).contains("|APPROVED|"), row(worker, first));
        String[] action = actionsOf(first).replaceAll("[\\[\\]\"]", "").split("\\|");
        long actionId = Long.parseLong(action[0]);
        String accountKey = action[3];
        assertEquals("QUEUED", action[2], actionsOf(first));
        HttpResponse<String> lease = lease();
        assertEquals(200, lease.statusCode(), lease.body());
        assertEquals(0, json(lease.body()).getJsonArray("actions").size(), "manual mode leases nothing");

        String expected = "$window = @{ Name = 'CORP\\o''brien$(calc)`" + run + "'; Type = 'User'; StartDate ="
                + " [datetime]'" + LOCAL.format(day) + "'; EndDate = [datetime]'" + LOCAL.format(day.plusMinutes(60))
                + "'; UserLockServerName = 'localhost' }";
        String text = manualMail(accountKey);
        assertTrue(List.of(text.split("\r?\n")).contains(expected), expected + " in\n" + text);
        assertTrue(text.contains("admin/action.xhtml?id=" + actionId), text);
        for (String line : text.split("\r?\n")) {
            // Every command line (they name a UserLock cmdlet or splat a hashtable) has the name as a literal only.
            if (line.contains("brien") && (line.startsWith("$") || line.contains("-UserLock"))) {
                assertTrue(line.contains("'CORP\\o''brien$(calc)`" + run + "'"), "only as a literal: " + line);
            }
        }

        assertEquals(403, workerSession.get("admin/action.xhtml?id=" + actionId).statusCode(), "administrators only");
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String path = "admin/action.xhtml?id=" + actionId;
        String page = admin.get(path).body();
        assertTrue(page.contains("id=\"commands\""), page);
        assertTrue(page.contains(accountKey), page);
        HttpResponse<String> applied = admin.submit(
                path, page, "confirm:applied", "confirm:userLockId", "ul-77", "confirm:hours", "00:00-00:00");
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("recorded"), applied.body());
        assertTrue(actionsOf(first).contains("|SUCCEEDED|"), actionsOf(first));
        assertTrue(row(worker, first).contains("|SCHEDULED|"), row(worker, first));
        assertTrue(
                get(base, "api/it-probe/audit?action=action.succeeded&after=0")
                        .body()
                        .contains("aadmin"),
                "audited with the administrator as actor");
        HttpResponse<String> again = admin.submit(path, admin.get(path).body(), "confirm:failed");
        assertTrue(actionsOf(first).contains("|SUCCEEDED|"), "a confirmed action cannot be confirmed again");
        assertNotNull(again);

        // Bridge mode: the lease carries the exact name as JSON data.
        mode(false);
        long second = RequestDriver.sent(
                driver.ask(workerSession, day.plusMinutes(180), day.plusMinutes(240), "Hostile bridge"));
        driver.pressInRow(bossSession, "inbox.xhtml", "inbox:pending", second, "approve");
        JsonObject leased = leaseFor(second);
        assertEquals("CORP\\o'brien$(calc)`" + run, leased.getString("account"));
    }

    /**
     * The mode switched on the Settings page (the setting, not the test hold): an action queued in bridge mode is
     * mailed to the administrators when they switch to manual, the bridge API then leases nothing, and switching back
     * to bridge makes it leasable. Both switches are audited with their counts; only administrators reach the page.
     */
    @Test
    void switchingTheModeOnTheSettingsPageHandsTheQueuedActionsOver() throws Exception {
        mode(null);
        String run = runId().substring(0, 5);
        String boss = "mb" + run;
        String worker = "mw" + run;
        PortalSession[] signedIn = employeeAndBoss(worker, boss);
        PortalSession workerSession = signedIn[0];
        PortalSession bossSession = signedIn[1];
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        LocalDateTime day = RequestDriver.someQuarterHourAhead().withHour(21).withMinute(0);
        long request = RequestDriver.sent(driver.ask(workerSession, day, day.plusMinutes(60), "Mode switch"));
        driver.pressInRow(bossSession, "inbox.xhtml", "inbox:pending", request, "approve");
        String[] action = actionsOf(request).replaceAll("[\\[\\]\"]", "").split("\\|");
        long actionId = Long.parseLong(action[0]);
        String accountKey = action[3];
        assertEquals("QUEUED", action[2], actionsOf(request));
        assertEquals(403, workerSession.get(SETTINGS).statusCode(), "administrators only");
        try {
            String page = admin.get(SETTINGS).body();
            assertTrue(page.contains("data-key=\"" + MODE + "\""), page);
            assertTrue(page.contains("Switching to manual: every action still queued"), "the page explains it first");

            String toManual = saveSetting(admin, page, "manual");
            assertTrue(toManual.contains("queued action(s) mailed to the administrators"), toManual);
            String text = manualMail(accountKey);
            assertTrue(text.contains("admin/action.xhtml?id=" + actionId), text);
            assertTrue(text.contains("'CORP\\" + worker + "'"), text);
            HttpResponse<String> lease = lease();
            assertEquals(200, lease.statusCode(), lease.body());
            assertEquals(0, json(lease.body()).getJsonArray("actions").size(), "manual mode leases nothing");
            String audit = get(base, "api/it-probe/audit?action=setting.changed&after=0")
                    .body();
            assertTrue(audit.contains(MODE + ": bridge -> manual; "), audit);
            assertTrue(audit.contains("mailed to the administrators to apply by hand"), audit);

            String toBridge = saveSetting(admin, admin.get(SETTINGS).body(), "bridge");
            assertTrue(toBridge.contains("can now be leased by a bridge"), toBridge);
            JsonObject leased = leaseFor(request);
            assertEquals(actionId, leased.getJsonNumber("id").longValue(), leased.toString());
            assertEquals(accountKey, leased.getString("accountKey"));
            assertTrue(
                    get(base, "api/it-probe/audit?action=setting.changed&after=0")
                            .body()
                            .contains(MODE + ": manual -> bridge; "),
                    "audited");
        } finally {
            // The database and server are shared with later classes: back to the shipped default (bridge).
            String page = admin.get(SETTINGS).body();
            String row = settingRow(page);
            if (page.contains("settings:list:" + row + ":reset")) {
                admin.submit(SETTINGS, page, "settings:list:" + row + ":reset");
            }
            assertTrue(!admin.get(SETTINGS).body().contains("settings:list:" + row + ":reset"), "mode restored");
        }
    }

    /** Adds {@code worker} reporting to {@code boss} (under Claire) and signs both in: {worker, boss}. */
    private PortalSession[] employeeAndBoss(String worker, String boss) throws Exception {
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        DemoDirectory.addEmployee(base, worker, bossDn);
        return new PortalSession[] {new PortalSession(base).signedInAs(worker), new PortalSession(base).signedInAs(boss)
        };
    }

    /** Types {@code value} into the mode's row on the Settings page and presses its Save button. */
    private static String saveSetting(PortalSession admin, String page, String value) {
        String row = settingRow(page);
        HttpResponse<String> response = admin.submit(
                SETTINGS, page, "settings:list:" + row + ":save", "settings:list:" + row + ":value", value);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String settingRow(String page) {
        int at = page.indexOf("data-key=\"" + MODE + "\"");
        assertTrue(at > 0, MODE + " is listed");
        java.util.regex.Matcher ri =
                java.util.regex.Pattern.compile("data-ri=\"(\\d+)\"").matcher(page);
        return ri.find(page.lastIndexOf("<tr", at)) ? ri.group(1) : fail("no row for " + MODE);
    }

    /** Holds the server in manual or bridge mode; {@code null}: it follows the setting again. */
    private void mode(Boolean manual) {
        HttpResponse<String> response = ItSupport.post(
                base,
                "api/it-probe/connector/mode" + (manual == null ? "" : "?manual=" + manual),
                "application/json",
                new byte[0]);
        assertEquals(200, response.statusCode(), response.body());
    }

    private String row(String account, long id) {
        String rows = get(base, "api/it-probe/requests?account=" + PortalSession.encode(account))
                .body();
        return WebhookIT.parseArray(rows).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .filter(r -> r.startsWith(id + "|"))
                .findFirst()
                .orElseGet(() -> fail("no request " + id + " for " + account + ": " + rows));
    }

    private String actionsOf(long request) {
        return get(base, "api/it-probe/connector/actions?request=" + request).body();
    }

    /** The text part of the administrators' "apply by hand" mail about {@code accountKey}. */
    private String manualMail(String accountKey) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getSubject().contains("apply by hand")) {
                    String text = plain(message);
                    if (text != null && text.contains(accountKey)) {
                        return text;
                    }
                }
            }
            Thread.sleep(250);
        }
        return fail("no manual-action mail about " + accountKey);
    }

    private static String plain(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plain(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private JsonObject leaseFor(long request) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = lease();
            assertEquals(200, response.statusCode(), response.body());
            for (JsonValue value : json(response.body()).getJsonArray("actions")) {
                JsonObject action = value.asJsonObject();
                if (action.getJsonArray("requests").toString().matches(".*[\\[,]" + request + "[,\\]].*")) {
                    return action;
                }
            }
            Thread.sleep(300);
        }
        return fail("no action leased for request " + request + ": " + actionsOf(request));
    }

    private HttpResponse<String> lease() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/bridge/v1/actions/lease"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + BridgeApiIT.TOKEN_ONE)
                .header("X-Afterhours-Bridge", "it-hostile")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"max\": 50, \"leaseSeconds\": 300}"))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
