package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.post;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The health page, /health and /metrics over real HTTP (F9): a notification posted to the webhook by each UserLock
 * server shows as that server's last notification; a bridge ping shows as the bridge last seen; a mail stuck in the
 * outbox for two hours shows on the page and in the gauges, and turns the readiness check DOWN until it is gone.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BRIDGE_TOKEN = "it-bridge-token-one-0123456789abcdefghij";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    String run;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment().addClasses(ReportsProbe.class);
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        run = runId();
    }

    @Test
    void thePageShowsTheLastNotificationOfEachServerTheIntakeCountsAndTheBridge() throws Exception {
        String user = "hl" + run;
        HttpResponse<String> primary = postJson(
                base,
                notification(user).withEventType(1).withComputer("PC-H1-" + run).json());
        assertEquals(200, primary.statusCode(), primary.body());
        HttpResponse<String> backup = postJson(
                base,
                notification(user)
                        .withEventType(1)
                        .withComputer("PC-H2-" + run)
                        .fromBackup()
                        .json());
        assertEquals(200, backup.statusCode(), backup.body());
        HttpResponse<String> ping = ping("it-health-" + run);
        assertEquals(200, ping.statusCode(), ping.body());

        String page = new PortalSession(base)
                .signedInAs("aadmin")
                .get("admin/health.xhtml")
                .body();
        String primaryRow = row(page, "server-PRIMARY");
        assertTrue(primaryRow.contains("ulsrv01.corp.example.com"), primaryRow);
        assertTrue(secondsAgo(primaryRow), "received just now: " + primaryRow);
        String backupRow = row(page, "server-BACKUP");
        assertTrue(backupRow.contains("ulsrv02.corp.example.com"), backupRow);
        assertTrue(secondsAgo(backupRow), backupRow);
        assertTrue(count(page, "data-counter=\"received-stored|primary\"") >= 1, page);
        assertTrue(count(page, "data-counter=\"received-stored|backup\"") >= 1, page);
        Matcher bridge = Pattern.compile("id=\"bridge-last-seen\">\\s*([^<]*)<").matcher(page);
        assertTrue(bridge.find(), page);
        assertTrue(bridge.group(1).matches(".*\\(\\d{1,2} s\\)\\s*"), "the ping seconds ago: " + bridge.group(1));

        HttpResponse<String> refused =
                new PortalSession(base).signedInAs("aauditor").get("admin/health.xhtml");
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("server-PRIMARY"));
    }

    @Test
    void aMailStuckInTheOutboxShowsOnThePageInTheGaugesAndMakesTheInstanceNotReady() {
        HttpResponse<String> ready = get(base.resolve("/"), "health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"mail-outbox\""), ready.body());
        assertTrue(ready.body().contains("\"name\":\"userlock-actions\""), ready.body());
        assertTrue(ready.body().contains("\"name\":\"userlock-bridge\""), ready.body());
        assertTrue(get(base.resolve("/"), "metrics?scope=application").body().contains("afterhours_outbox_depth"));

        long stuck = Long.parseLong(post(base, "api/it-probe-reports/stuck-mail?ageMinutes=120", null, new byte[0])
                .body());
        try {
            HttpResponse<String> notReady = get(base.resolve("/"), "health/ready");
            assertEquals(503, notReady.statusCode(), notReady.body());
            String outbox = check(notReady.body(), "mail-outbox");
            assertTrue(outbox.contains("\"status\":\"DOWN\""), outbox);
            assertTrue(outbox.matches(".*\"maxAgeSeconds\":\"?3600\"?[,}].*"), outbox);
            Matcher oldest = Pattern.compile("\"oldestSeconds\":\"?(\\d+)").matcher(outbox);
            assertTrue(oldest.find() && Long.parseLong(oldest.group(1)) >= 7200, outbox);
            String intake = check(notReady.body(), "webhook-intake");
            assertTrue(intake.contains("\"status\":\"UP\""), "the intake itself is still fine: " + intake);

            String metrics = get(base.resolve("/"), "metrics?scope=application").body();
            assertTrue(gauge(metrics, "afterhours_outbox_depth") >= 1, metrics);
            assertTrue(gauge(metrics, "afterhours_outbox_oldest_seconds") >= 7200, metrics);
            assertTrue(gauge(metrics, "afterhours_actions_depth") >= 0, metrics);
            assertTrue(metrics.contains("afterhours_actions_oldest_seconds"), metrics);
            assertTrue(metrics.contains("afterhours_bridge_silence_seconds"), metrics);

            String page = new PortalSession(base)
                    .signedInAs("aadmin")
                    .get("admin/health.xhtml")
                    .body();
            Matcher depth = Pattern.compile("id=\"outbox-depth\" class=\"ah-num\">(\\d+)<")
                    .matcher(page);
            assertTrue(depth.find() && Long.parseLong(depth.group(1)) >= 1, page);
            Matcher age = Pattern.compile("id=\"outbox-oldest\">([^<]*)<").matcher(page);
            assertTrue(age.find() && age.group(1).startsWith("2 h "), page);
        } finally {
            post(base, "api/it-probe-reports/release-mail?id=" + stuck, null, new byte[0]);
        }
        HttpResponse<String> readyAgain = get(base.resolve("/"), "health/ready");
        assertEquals(200, readyAgain.statusCode(), readyAgain.body());
    }

    @Test
    void aBridgeThatStoppedCallingMakesTheInstanceNotReady() throws Exception {
        assertEquals(200, ping("it-quiet-" + run).statusCode());
        String ready = get(base.resolve("/"), "health/ready").body();
        assertTrue(check(ready, "userlock-bridge").contains("\"status\":\"UP\""), ready);

        post(base, "api/it-probe-reports/age-bridges?minutes=60", null, new byte[0]);
        try {
            HttpResponse<String> silent = get(base.resolve("/"), "health/ready");
            assertEquals(503, silent.statusCode(), silent.body());
            String bridge = check(silent.body(), "userlock-bridge");
            assertTrue(bridge.contains("\"status\":\"DOWN\""), bridge);
            assertTrue(bridge.matches(".*\"maxSilenceSeconds\":\"?900\"?[,}].*"), bridge);
            assertTrue(gauge(
                            get(base.resolve("/"), "metrics?scope=application").body(),
                            "afterhours_bridge_silence_seconds")
                    >= 3600);
        } finally {
            post(base, "api/it-probe-reports/age-bridges?minutes=-60", null, new byte[0]);
        }
        assertEquals(200, get(base.resolve("/"), "health/ready").statusCode());
    }

    private HttpResponse<String> ping(String bridge) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve("api/bridge/v1/ping"))
                        .header("Authorization", "Bearer " + BRIDGE_TOKEN)
                        .header("X-Afterhours-Bridge", bridge)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One check's object in a /health answer (its data object included). */
    private static String check(String health, String name) {
        Matcher check = Pattern.compile("\\{[^{}]*\"name\":\"" + name + "\"[^{}]*(\\{[^{}]*\\}[^{}]*)?\\}")
                .matcher(health);
        assertTrue(check.find(), "no " + name + " in " + health);
        return check.group();
    }

    private static String row(String page, String id) {
        Matcher row = Pattern.compile("<tr id=\"" + id + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(row.find(), "no " + id + " in " + page);
        return row.group(1);
    }

    private static boolean secondsAgo(String row) {
        return Pattern.compile("<td>\\d{1,2} s</td>").matcher(row).find();
    }

    private static long count(String page, String marker) {
        Matcher m = Pattern.compile(Pattern.quote(marker) + ">.*?<td class=\"ah-num\">(\\d+)</td>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), "no " + marker + " in " + page);
        return Long.parseLong(m.group(1));
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "no " + name + " in " + metrics);
        return Double.parseDouble(m.group(1));
    }
}
