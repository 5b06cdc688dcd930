package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
 * The bridge API (docs/bridge-api.md) over real HTTP, as the PowerShell bridge and the simulator call it: tokens (two at
 * once, for rotation), bad input, the lease and its expiry, results and their retries, late or duplicate reports,
 * merged windows, revocation, and an action given up (request FAILED, administrators mailed, retried from the page).
 * The failsafe environment sets two tokens, a 1 s backoff and a limit of 3 attempts.
 */
@ExtendWith(ArquillianExtension.class)
class BridgeApiIT {

    static final String TOKEN_ONE = "it-bridge-token-one-0123456789abcdefghij";
    static final String TOKEN_TWO = "it-bridge-token-two-0123456789abcdefghij";
    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
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
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void onlyAConfiguredTokenAndANamedBridgeGetIn() {
        HttpResponse<String> none = call("GET", "ping", null, "it-a", null);
        assertEquals(401, none.statusCode());
        assertEquals("", none.body(), "401 with an empty body");
        assertEquals(
                401,
                call("GET", "ping", "it-bridge-token-bad-0123456789abcdefghij", "it-a", null)
                        .statusCode());
        assertEquals(
                401, call("GET", "ping", TOKEN_ONE.substring(1), "it-a", null).statusCode());
        assertEquals(401, call("POST", "actions/lease", null, "it-a", "{}").statusCode(), "every endpoint");
        HttpResponse<String> one = call("GET", "ping", TOKEN_ONE, "it-one", null);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals("it-one", json(one.body()).getString("bridge"));
        assertNotNull(Instant.parse(json(one.body()).getString("serverTime")));
        HttpResponse<String> two = call("GET", "ping", TOKEN_TWO, "it-two", null);
        assertEquals(200, two.statusCode(), "the second token of a rotation works too");
        HttpResponse<String> unnamed = call("GET", "ping", TOKEN_ONE, null, null);
        assertEquals(400, unnamed.statusCode());
        assertTrue(unnamed.body().contains("X-Afterhours-Bridge"), unnamed.body());
        assertEquals(400, call("GET", "ping", TOKEN_ONE, "bad name!", null).statusCode());
    }

    @Test
    void theOpenApiDocumentDescribesTheBridgeApi() {
        String openApi = get(base.resolve("/"), "openapi").body();
        for (String path : List.of(
                "/bridge/v1/actions/lease",
                "/bridge/v1/actions/{id}/result",
                "/bridge/v1/inventory",
                "/bridge/v1/ping")) {
            assertTrue(openApi.contains(path), path + " in " + openApi);
        }
        assertTrue(openApi.contains("bridgeToken"), openApi);
    }

    @Test
    void theInventoryShowsDriftOnTheActionsPage() throws Exception {
        Fixture f = fixture();
        long id = f.approved(0, 60);
        JsonObject action = leaseFor(id, "it-inv", 300);
        assertEquals(
                204,
                call("POST", result(action), TOKEN_ONE, "it-inv", succeeded(action.getString("lease")))
                        .statusCode());
        String unknown = "AH-ZZ" + runId().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        HttpResponse<String> bad = call("POST", "inventory", TOKEN_ONE, "it-inv", "{\"takenAt\":\"yesterday\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("takenAt"), bad.body());
        HttpResponse<String> report = call(
                "POST",
                "inventory",
                TOKEN_ONE,
                "it-inv",
                "{\"takenAt\":\"" + Instant.now() + "\",\"accounts\":[{\"account\":\"CORP\\\\ghost\","
                        + "\"accountKey\":\"" + unknown
                        + "\",\"userLockId\":\"ul-9\",\"start\":\"2026-12-02T21:00:00Z\","
                        + "\"end\":\"2026-12-02T23:00:00Z\"}]}");
        assertEquals(204, report.statusCode(), report.body());

        String page = new PortalSession(base)
                .signedInAs("aadmin")
                .get("admin/actions.xhtml?request=" + id)
                .body();

        assertTrue(page.contains("data-bridge=\"it-inv\""), "the bridge and its last call");
        assertTrue(page.contains("data-drift=\"UNKNOWN\" data-key=\"" + unknown + "\""), page);
        assertTrue(
                page.contains("data-drift=\"MISSING\" data-key=\"" + action.getString("accountKey") + "\""),
                "applied by the portal, not in the inventory");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> badJson = call("POST", "actions/lease", TOKEN_ONE, "it-a", "{\"max\": ");
        assertEquals(400, badJson.statusCode());
        assertTrue(badJson.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        HttpResponse<String> badMax = call("POST", "actions/lease", TOKEN_ONE, "it-a", "{\"max\": 51}");
        assertEquals(400, badMax.statusCode());
        assertTrue(badMax.body().contains("max"), badMax.body());
        HttpResponse<String> outcome =
                call("POST", "actions/1/result", TOKEN_ONE, "it-a", "{\"lease\":\"x\",\"outcome\":\"MAYBE\"}");
        assertEquals(400, outcome.statusCode());
        assertTrue(outcome.body().contains("outcome"), outcome.body());
        HttpResponse<String> huge =
                call("POST", "actions/1/result", TOKEN_ONE, "it-a", "{\"lease\":\"" + "x".repeat(200_000) + "\"}");
        assertEquals(413, huge.statusCode());
        assertEquals(
                404,
                call("POST", "actions/999999999/result", TOKEN_ONE, "it-a", succeeded("x"))
                        .statusCode());

        Fixture f = fixture();
        long id = f.approved(0, 60);
        JsonObject action = leaseFor(id, "it-a", 300);
        HttpResponse<String> wrong = call("POST", result(action), TOKEN_ONE, "it-a", succeeded("not-the-lease"));
        assertEquals(409, wrong.statusCode(), wrong.body());
        assertTrue(driver.row(f.worker, id).contains("|APPLYING|"), driver.row(f.worker, id));
    }

    @Test
    void aSuccessSchedulesTheRequestAndADuplicateOrLateReportChangesNothing() throws Exception {
        Fixture f = fixture();
        long id = f.approved(0, 60);
        JsonObject action = leaseFor(id, "it-a", 300);
        assertEquals("APPLY", action.getString("type"));
        assertEquals(1, action.getInt("attempt"));
        assertEquals("CORP\\" + f.worker, action.getString("account"));
        assertTrue(action.getString("accountKey").matches("AH-[0-9A-Z]{8}"), action.toString());
        assertEquals(JsonValue.NULL, action.get("previousWindow"));
        assertEquals("LOGOFF", action.getString("overtimeAction"));
        assertEquals("UTC", action.getJsonObject("window").getString("zone"));
        assertEquals(
                f.start(0).toString(),
                action.getJsonObject("window").getString("startLocal").substring(0, 16));
        assertTrue(driver.row(f.worker, id).contains("|APPLYING|"), driver.row(f.worker, id));

        HttpResponse<String> ok = call("POST", result(action), TOKEN_ONE, "it-a", succeeded(action.getString("lease")));
        assertEquals(204, ok.statusCode(), ok.body());
        assertTrue(driver.row(f.worker, id).contains("|SCHEDULED|"), driver.row(f.worker, id));
        String page = f.workerSession.get("request.xhtml?id=" + id).body();
        assertTrue(page.contains("In effect in UserLock within about 5 minutes"), page);
        assertTrue(page.contains("id=\"detail:endNow\""), "the employee may end it from the request page");
        String actions = actionsOf(id);
        assertEquals(
                409,
                call("POST", result(action), TOKEN_ONE, "it-a", failed(action.getString("lease"), true))
                        .statusCode(),
                "a duplicate report");
        assertEquals(actions, actionsOf(id), "nothing changed");
        assertTrue(driver.row(f.worker, id).contains("|SCHEDULED|"));
        assertTrue(
                RequestDriver.await(
                                () -> get(base, "api/it-probe/mail?request=" + id)
                                        .body(),
                                s -> s.contains("request-applied|"))
                        .contains("request-applied|"),
                "the employee is told it is active in UserLock");

        // The connector's clock: SCHEDULED becomes ACTIVE once the window runs, and ENDED once it has passed.
        ItSupport.post(
                base, "api/it-probe/requests/window?request=" + id + "&startAgo=5&minutes=60", null, new byte[0]);
        RequestDriver.await(() -> driver.row(f.worker, id), row -> row.contains("|ACTIVE|"));
        assertTrue(driver.row(f.worker, id).contains("|ACTIVE|"), driver.row(f.worker, id));
        ItSupport.post(
                base, "api/it-probe/requests/window?request=" + id + "&startAgo=120&minutes=60", null, new byte[0]);
        RequestDriver.await(() -> driver.row(f.worker, id), row -> row.contains("|ENDED|"));
        assertTrue(driver.row(f.worker, id).contains("|ENDED|"), driver.row(f.worker, id));
    }

    @Test
    void aFailureIsRetriedAfterTheBackoffAndAnExpiredLeaseGoesToAnotherBridge() throws Exception {
        Fixture f = fixture();
        long id = f.approved(0, 60);
        JsonObject first = leaseFor(id, "it-a", 300);
        assertEquals(
                204,
                call("POST", result(first), TOKEN_ONE, "it-a", failed(first.getString("lease"), true))
                        .statusCode());
        assertTrue(actionsOf(id).contains("|QUEUED|"), actionsOf(id));
        JsonObject second = leaseFor(id, "it-b", 300);
        assertEquals(first.getInt("id"), second.getInt("id"));
        assertEquals(2, second.getInt("attempt"));
        assertEquals(first.getString("accountKey"), second.getString("accountKey"), "the same key on every retry");

        assertEquals(
                "1",
                ItSupport.post(
                                base,
                                "api/it-probe/connector/expire-lease?action=" + second.getInt("id"),
                                null,
                                new byte[0])
                        .body());
        JsonObject third = leaseFor(id, "it-c", 300);
        assertEquals(second.getInt("id"), third.getInt("id"), "an expired lease puts the action back in the queue");
        assertNotEquals(second.getString("lease"), third.getString("lease"));
        assertEquals(second.getString("accountKey"), third.getString("accountKey"));
        assertEquals(
                409,
                call("POST", result(second), TOKEN_ONE, "it-b", succeeded(second.getString("lease")))
                        .statusCode(),
                "the late report of the expired lease");
        assertTrue(driver.row(f.worker, id).contains("|APPLYING|"), driver.row(f.worker, id));
        assertEquals(
                204,
                call("POST", result(third), TOKEN_TWO, "it-c", succeeded(third.getString("lease")))
                        .statusCode());
        assertTrue(driver.row(f.worker, id).contains("|SCHEDULED|"), driver.row(f.worker, id));
    }

    @Test
    void touchingWindowsBecomeOneAccountAndARevocationShrinksItThenRemovesIt() throws Exception {
        Fixture f = fixture();
        long early = f.approved(0, 60);
        JsonObject applied = leaseFor(early, "it-a", 300);
        String key = applied.getString("accountKey");
        assertEquals(
                204,
                call("POST", result(applied), TOKEN_ONE, "it-a", succeeded(applied.getString("lease")))
                        .statusCode());
        long late = f.approved(60, 120);
        JsonObject merged = leaseFor(late, "it-a", 300);
        assertEquals(key, merged.getString("accountKey"), "one account, not two");
        assertEquals("APPLY", merged.getString("type"));
        assertEquals(
                "[" + early + "," + late + "]", merged.getJsonArray("requests").toString());
        assertEquals(
                applied.getJsonObject("window").getString("start"),
                merged.getJsonObject("window").getString("start"));
        assertEquals(
                f.start(120).toString(),
                merged.getJsonObject("window").getString("endLocal").substring(0, 16));
        assertEquals(applied.getJsonObject("window"), merged.getJsonObject("previousWindow"));
        assertEquals(
                204,
                call("POST", result(merged), TOKEN_ONE, "it-a", succeeded(merged.getString("lease")))
                        .statusCode());
        assertTrue(driver.row(f.worker, late).contains("|SCHEDULED|"), driver.row(f.worker, late));

        driver.pressInRow(f.workerSession, "requests.xhtml", "mine:list", late, "end");
        assertTrue(driver.row(f.worker, late).contains("|REVOKED|"), driver.row(f.worker, late));
        JsonObject shrunk = leaseFor(early, "it-a", 300);
        assertEquals(key, shrunk.getString("accountKey"));
        assertEquals("APPLY", shrunk.getString("type"), "the shortened window");
        assertEquals(applied.getJsonObject("window"), shrunk.getJsonObject("window"));
        assertEquals(merged.getJsonObject("window"), shrunk.getJsonObject("previousWindow"));
        assertEquals(
                204,
                call("POST", result(shrunk), TOKEN_ONE, "it-a", succeeded(shrunk.getString("lease")))
                        .statusCode());

        String detail = f.bossSession.get("request.xhtml?id=" + early).body();
        HttpResponse<String> ended = f.bossSession.click("request.xhtml?id=" + early, detail, "detail:endNow", true);
        assertEquals(200, ended.statusCode(), ended.body());
        assertTrue(driver.row(f.worker, early).contains("|REVOKED|"), "the manager ended it from the request page");
        String audit =
                get(base, "api/it-probe/audit/of?subject=request%20" + early).body();
        assertTrue(audit.contains("request.revoked|bb"), "audited with the manager as actor: " + audit);
        assertTrue(audit.contains("request.scheduled|connector"), audit);
        JsonObject removed = leaseFor(early, "it-a", 300);
        assertEquals("REMOVE", removed.getString("type"));
        assertEquals(key, removed.getString("accountKey"));
        assertEquals(applied.getJsonObject("window"), removed.getJsonObject("previousWindow"));
    }

    @Test
    void aRemoveWaitsWhileAnotherBridgeStillHoldsTheApplyOfTheSameAccount() throws Exception {
        Fixture f = fixture();
        long id = f.approved(0, 60);
        JsonObject apply = leaseFor(id, "it-a", 300);
        driver.pressInRow(f.workerSession, "requests.xhtml", "mine:list", id, "end");
        assertTrue(actionsOf(id).contains("|REMOVE|QUEUED|"), actionsOf(id));
        HttpResponse<String> meanwhile =
                call("POST", "actions/lease", TOKEN_ONE, "it-b", "{\"max\": 50, \"leaseSeconds\": 30}");
        assertFalse(
                meanwhile.body().contains("\"accountKey\":\"" + apply.getString("accountKey") + "\""),
                "not while it-a works on the account: " + meanwhile.body());
        assertEquals(
                204,
                call("POST", result(apply), TOKEN_ONE, "it-a", succeeded(apply.getString("lease")))
                        .statusCode());
        JsonObject remove = leaseFor(id, "it-b", 300);
        assertEquals("REMOVE", remove.getString("type"));
        assertEquals(apply.getString("accountKey"), remove.getString("accountKey"));
    }

    @Test
    void anActionGivenUpFailsItsRequestAlertsTheAdministratorsAndCanBeRetriedFromThePage() throws Exception {
        smtp = MailLinks.greenMail();
        smtp.start();
        Fixture f = fixture();
        long id = f.approved(0, 60);
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonObject action = leaseFor(id, "it-a", 300);
            assertEquals(attempt, action.getInt("attempt"));
            assertEquals(
                    204,
                    call("POST", result(action), TOKEN_ONE, "it-a", failed(action.getString("lease"), true))
                            .statusCode());
        }
        assertTrue(actionsOf(id).contains("|DEAD|"), actionsOf(id));
        assertTrue(driver.row(f.worker, id).contains("|FAILED|"), driver.row(f.worker, id));
        String mails = RequestDriver.await(
                () -> get(base, "api/it-probe/mail?request=" + id).body(),
                s -> s.contains("admin-apply-failed|")
                        && s.contains("request-apply-failed|")
                        && !s.matches(".*admin-apply-failed\\|[^\"]*\\|QUEUED.*"));
        assertTrue(mails.contains("admin-apply-failed|"), mails);
        assertTrue(mails.contains("request-apply-failed|" + f.worker + "@corp.local"), mails);
        Instant deadline = Instant.now().plusSeconds(30);
        boolean received = false;
        while (!received && Instant.now().isBefore(deadline)) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                received |= message.getSubject().contains("could not be applied in UserLock (CORP\\" + f.worker + ")");
            }
            Thread.sleep(250);
        }
        assertTrue(received, "the administrators' mail reached the SMTP server");

        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String page = admin.get("admin/actions.xhtml?state=dead&request=" + id).body();
        assertTrue(page.contains("data-state=\"DEAD\""), page);
        assertTrue(page.contains("it-a"), "the lease holder is shown");
        HttpResponse<String> retried =
                admin.click("admin/actions.xhtml?state=dead&request=" + id, page, "table:actions:0:retry", true);
        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("is due again"), retried.body());
        assertTrue(actionsOf(id).contains("|QUEUED|"), actionsOf(id));
        JsonObject again = leaseFor(id, "it-a", 300);
        assertEquals(1, again.getInt("attempt"), "a fresh series of attempts");
        assertEquals(
                204,
                call("POST", result(again), TOKEN_ONE, "it-a", succeeded(again.getString("lease")))
                        .statusCode());
        assertTrue(driver.row(f.worker, id).contains("|SCHEDULED|"), driver.row(f.worker, id));
        assertTrue(
                get(base, "api/it-probe/audit?action=action.retry&after=0")
                        .body()
                        .contains("aadmin"),
                "the retry is audited");
    }

    /** A manager and their employee; the employee asks for windows from 20:00 UTC one day, the manager approves. */
    private Fixture fixture() throws Exception {
        String run = runId();
        String boss = "bb" + run;
        String worker = "bw" + run;
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        DemoDirectory.addEmployee(base, worker, bossDn);
        LocalDateTime day = RequestDriver.someQuarterHourAhead().withHour(20).withMinute(0);
        return new Fixture(
                worker, new PortalSession(base).signedInAs(worker), new PortalSession(base).signedInAs(boss), day);
    }

    private final class Fixture {
        final String worker;
        final PortalSession workerSession;
        final PortalSession bossSession;
        final LocalDateTime day;

        Fixture(String worker, PortalSession workerSession, PortalSession bossSession, LocalDateTime day) {
            this.worker = worker;
            this.workerSession = workerSession;
            this.bossSession = bossSession;
            this.day = day;
        }

        LocalDateTime start(int minutes) {
            return day.plusMinutes(minutes);
        }

        /** Asks for [day + from, day + to) and has the manager approve it; returns the request id. */
        long approved(int from, int to) {
            long id = RequestDriver.sent(driver.ask(workerSession, start(from), start(to), "Bridge " + from));
            driver.pressInRow(bossSession, "inbox.xhtml", "inbox:pending", id, "approve");
            assertTrue(driver.row(worker, id).contains("|APPROVED|"), driver.row(worker, id));
            return id;
        }
    }

    /** Leases (as {@code bridge}) until an action for {@code request} comes; other actions just wait for their lease. */
    private JsonObject leaseFor(long request, String bridge, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = call(
                    "POST",
                    "actions/lease",
                    TOKEN_ONE,
                    bridge,
                    "{\"max\": 50, \"leaseSeconds\": " + Math.max(30, seconds) + "}");
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

    private String actionsOf(long request) {
        return get(base, "api/it-probe/connector/actions?request=" + request).body();
    }

    private static String result(JsonObject action) {
        return "actions/" + action.getInt("id") + "/result";
    }

    private static String succeeded(String lease) {
        return "{\"lease\":\"" + lease + "\",\"outcome\":\"SUCCEEDED\",\"userLockId\":\"ul-1\","
                + "\"effective\":{\"start\":\"2026-12-02T21:00:00Z\",\"end\":\"2026-12-02T23:00:00Z\","
                + "\"hours\":\"00:00-00:00\"},\"log\":\"ok\"}";
    }

    private static String failed(String lease, boolean retryable) {
        return "{\"lease\":\"" + lease + "\",\"outcome\":\"FAILED\",\"error\":\"Set-UserLockProtectedAccount: access"
                + " denied\",\"retryable\":" + retryable + "}";
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private HttpResponse<String> call(String method, String path, String token, String bridge, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/bridge/v1/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (bridge != null) {
            request.header("X-Afterhours-Bridge", bridge);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
