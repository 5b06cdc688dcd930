package io.afterhours.it;

import static io.afterhours.it.ItSupport.PRIMARY_ID;
import static io.afterhours.it.ItSupport.WEBHOOK;
import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.post;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook through real HTTP against Payara Micro and the real database (H2 in one failsafe pass, PostgreSQL in
 * the other): product.md F1 and the bad inputs B1–B18 of reliability.md §2.1, plus the audit chain, metrics, health
 * and OpenAPI endpoints. Every test uses a fresh marker (user or computer name) so runs can share a database.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    String marker;
    PortalSession administrator;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        marker = "it-" + runId();
    }

    // --- accepted notifications -------------------------------------------------------------------------------

    @Test
    void storesANotificationWithItsFieldsAndRedactedRawJson() {
        HttpResponse<String> response = postJson(base, notification(marker).json());

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"stored\"}", response.body());
        JsonObject row = single(stored(marker));
        assertAll(
                () -> assertEquals("CORP", row.getString("domain")),
                () -> assertEquals("PC-042", row.getString("computer")),
                () -> assertEquals("OUT_OF_HOURS_DENIAL", row.getString("classification")),
                () -> assertEquals("PRIMARY", row.getString("serverSlot")),
                () -> assertEquals("2025-03-12T20:47:05.123456Z", row.getString("eventTime")),
                () -> assertTrue(row.getBoolean("mapped")),
                () -> assertTrue(row.getString("rawJson").contains("[redacted]")),
                () -> assertFalse(
                        row.getString("rawJson").toLowerCase(Locale.ROOT).contains(PRIMARY_ID)));
    }

    @Test
    void classifiesDenialsAgainstTheDefaultWorkingHours() {
        // The test server's policy: Mon-Fri 08:00-19:00 Europe/Paris. 2025-03-12 is a Wednesday.
        postJson(
                base,
                notification(marker)
                        .withComputer(marker + "-in")
                        .withEventTime("2025-03-12T10:00:00+01:00")
                        .json());
        postJson(
                base,
                notification(marker)
                        .withComputer(marker + "-ad")
                        .withEventType(20)
                        .json());
        postJson(
                base,
                notification(marker)
                        .withComputer(marker + "-logon")
                        .withEventType(1)
                        .json());

        assertEquals("IN_HOURS_DENIAL", single(stored(marker + "-in")).getString("classification"));
        assertEquals("AD_DENIAL", single(stored(marker + "-ad")).getString("classification"));
        assertEquals("SESSION_EVENT", single(stored(marker + "-logon")).getString("classification"));
    }

    @Test
    void acceptsJsonLabelledAsTextOrNotLabelledAtAll() {
        for (String type : new String[] {"text/plain", "text/json", "application/json; charset=utf-8", null}) {
            String computer = marker + "-" + (type == null ? "none" : type.replaceAll("[^a-z]", ""));
            HttpResponse<String> response = post(
                    base,
                    WEBHOOK,
                    type,
                    notification(marker).withComputer(computer).json().getBytes(UTF_8));
            assertEquals(200, response.statusCode(), "Content-Type " + type);
        }
        assertEquals(4, stored(marker).size());
    }

    @Test
    void acceptsAUtf8ByteOrderMark() {
        byte[] json = notification(marker).json().getBytes(UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        assertEquals(200, post(base, WEBHOOK, "application/json", withBom).statusCode());
        assertEquals(1, stored(marker).size());
    }

    @Test
    void acceptsTheBackupAndUpperCaseBracedIds() {
        String upperBraced = "{" + PRIMARY_ID.toUpperCase(Locale.ROOT) + "}";
        postJson(
                base,
                notification(marker)
                        .withId(upperBraced)
                        .withComputer(marker + "-upper")
                        .json());
        postJson(
                base,
                notification(marker)
                        .fromBackup()
                        .withComputer(marker + "-backup")
                        .json());

        assertEquals("PRIMARY", single(stored(marker + "-upper")).getString("serverSlot"));
        assertEquals("BACKUP", single(stored(marker + "-backup")).getString("serverSlot"));
    }

    @Test
    void flagsSkewedMissingAndUnreadableEventTimesButStoresThem() {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Instant now = Instant.now();
        String future = iso.format(now.plus(10, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
        String past = iso.format(now.minus(2, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
        String noOffset = "2025-03-12T21:47:05.1234567";
        String[][] cases = {
            {"future", future, "FUTURE"},
            {"past", past, "PAST"},
            {"missing", null, "MISSING"},
            {"garbage", "yesterday at noon", "UNPARSABLE"},
            {"local", noOffset, "PAST"}
        };
        for (String[] c : cases) {
            HttpResponse<String> response = postJson(
                    base,
                    notification(marker)
                            .withComputer(marker + "-" + c[0])
                            .withEventTime(c[1])
                            .json());
            assertEquals(200, response.statusCode(), c[0]);
            assertEquals(c[2], single(stored(marker + "-" + c[0])).getString("timeQuality"), c[0]);
        }
        // No offset: read in the UserLock server's zone (UTC by default).
        assertEquals(
                "2025-03-12T21:47:05.123456Z", single(stored(marker + "-local")).getString("eventTime"));
    }

    @Test
    void storesUnknownEventTypesAndKeepsUnknownMembers() {
        String plain = notification(marker).withEventType(999).json();
        String json = plain.substring(0, plain.length() - 1) + ",\"Shiny\":{\"new\":[1,2]}}";

        assertEquals(200, postJson(base, json).statusCode());
        JsonObject row = single(stored(marker));
        assertEquals("UNKNOWN_EVENT", row.getString("classification"));
        assertTrue(row.getString("rawJson").contains("\"Shiny\":{\"new\":[1,2]}"));
        assertEquals("Shiny", row.getString("unmappedMembers"));
    }

    @Test
    void storesANotificationWhoseUserCannotBeMappedAndMarksIt() {
        String json = notification(null).withComputer(marker).json();

        assertEquals(200, postJson(base, json).statusCode());
        JsonObject row = single(stored(marker));
        assertFalse(row.getBoolean("mapped"));
    }

    @Test
    void storesHostileTextVerbatimInTheRawCopy() {
        String[] payloads = {
            "Zoë",
            "山田",
            "e\u0301\u0301",
            "👩‍💻",
            "\u202Eevil",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "#{facesContext}",
            "${7*7}",
            "${jndi:ldap://x}",
            "*)(sAMAccountName=*))(|(cn=*",
            "' OR 1=1--",
            "=HYPERLINK(\"http://x\")",
            "a\r\nBcc: x@y",
            "nul\u0000byte"
        };
        for (int i = 0; i < payloads.length; i++) {
            String computer = marker + "-" + i;
            String json = notification(payloads[i]).withComputer(computer).json();
            assertEquals(200, postJson(base, json).statusCode(), payloads[i]);
            JsonObject row = single(stored(computer));
            String expectedColumn = payloads[i].replace('\u0000', '\uFFFD');
            assertEquals(expectedColumn, row.getString("user"), payloads[i]);
            assertEquals(
                    payloads[i],
                    Json.createReader(new StringReader(row.getString("rawJson")))
                            .readObject()
                            .getString("UserAccount"),
                    payloads[i]);
        }
        String tenThousand = "x".repeat(10_000);
        assertEquals(
                200,
                postJson(
                                base,
                                notification(tenThousand)
                                        .withComputer(marker + "-long")
                                        .json())
                        .statusCode());
        JsonObject row = single(stored(marker + "-long"));
        assertEquals(512, row.getString("user").length());
        assertTrue(row.getString("rawJson").contains(tenThousand));
    }

    // --- de-duplication ---------------------------------------------------------------------------------------

    @Test
    void storesAnExactReplayOnce() {
        String json = notification(marker).json();

        HttpResponse<String> first = postJson(base, json);
        HttpResponse<String> second = postJson(base, json);

        assertEquals("{\"status\":\"stored\"}", first.body());
        assertEquals(200, second.statusCode());
        assertEquals("{\"status\":\"duplicate\"}", second.body());
        assertEquals(1, stored(marker).size());
    }

    @Test
    void storesOneOfAHundredConcurrentCopies() throws Exception {
        String json = notification(marker).json();

        List<Integer> statuses = concurrently(100, () -> postJson(base, json).statusCode());

        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        assertEquals(1, stored(marker).size());
    }

    @Test
    void storesThePrimaryAndBackupCopiesOfOneEventOnce() throws Exception {
        String primary = notification(marker).withComputer(marker + "-seq").json();
        String backup =
                notification(marker).withComputer(marker + "-seq").fromBackup().json();
        assertEquals(200, postJson(base, primary).statusCode());
        assertEquals("{\"status\":\"duplicate\"}", postJson(base, backup).body());
        assertEquals(1, stored(marker + "-seq").size());

        String concurrentPrimary =
                notification(marker).withComputer(marker + "-par").json();
        String concurrentBackup =
                notification(marker).withComputer(marker + "-par").fromBackup().json();
        List<Integer> statuses = concurrently(
                40,
                () -> postJson(base, Math.random() < 0.5 ? concurrentPrimary : concurrentBackup)
                        .statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        assertEquals(1, stored(marker + "-par").size());
    }

    @Test
    void storesTheSameMomentWrittenWithDifferentOffsetsOnce() {
        postJson(
                base,
                notification(marker)
                        .withEventTime("2025-03-12T21:47:05.1234567+01:00")
                        .json());
        postJson(
                base,
                notification(marker)
                        .withEventTime("2025-03-12T20:47:05.1234567Z")
                        .json());

        assertEquals(1, stored(marker).size());
    }

    // --- refused notifications (nothing stored) ---------------------------------------------------------------

    @Test
    void refusesEmptyAndNonJsonBodiesWith400() {
        long before = count();
        String[] bodies = {"", "   \n ", "nope", "{\"a\":", "[1,2]", "\"text\"", "42", "{} {}"};
        for (String body : bodies) {
            HttpResponse<String> response = post(base, WEBHOOK, "application/json", body.getBytes(UTF_8));
            assertProblem(response, 400, body);
        }
        assertEquals(before, count());
    }

    @Test
    void refusesInvalidUtf8AndUtf16With400() {
        long before = count();
        byte[] invalid = notification(marker).json().getBytes(UTF_8);
        invalid[invalid.length / 2] = (byte) 0xC3;
        invalid[invalid.length / 2 + 1] = (byte) 0x28;
        byte[] utf16 = notification(marker).json().getBytes(UTF_16LE);
        byte[] utf16Bom = new byte[utf16.length + 2];
        utf16Bom[0] = (byte) 0xFF;
        utf16Bom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, utf16Bom, 2, utf16.length);

        for (byte[] body : List.of(invalid, utf16, utf16Bom)) {
            assertProblem(post(base, WEBHOOK, "application/json", body), 400, "encoding");
        }
        assertEquals(before, count());
    }

    @Test
    void refusesDeepNestingAndKeepsWorking() {
        String deep =
                "{\"Userlock\":{\"Id\":\"" + PRIMARY_ID + "\"},\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertProblem(postJson(base, deep), 400, "deep");
        assertEquals(200, postJson(base, notification(marker).json()).statusCode());
    }

    @Test
    void refusesDuplicateUserLockIdMembersWhicheverComesFirst() {
        long before = count();
        String validFirst = "{\"Userlock\":{\"Id\":\"" + PRIMARY_ID + "\",\"Id\":\"wrong\"},\"EventType\":4}";
        String invalidFirst = "{\"Userlock\":{\"id\":\"wrong\",\"Id\":\"" + PRIMARY_ID + "\"},\"EventType\":4}";

        assertProblem(postJson(base, validFirst), 400, "valid first");
        assertProblem(postJson(base, invalidFirst), 400, "invalid first");
        assertEquals(before, count());
    }

    @Test
    void refusesBodiesOverTheLimitWith413WithoutReadingThemWhole() throws Exception {
        long before = count();
        String oneMegabyte = notification(marker)
                .json()
                .replace("\"SessionType\":1", "\"SessionType\":1,\"pad\":\"" + "x".repeat(1_048_576) + "\"");

        assertProblem(postJson(base, oneMegabyte), 413, "1 MB");
        assertTrue(RawHttp.postFiller(base, WEBHOOK, 50L * 1024 * 1024, false).contains(" 413"), "50 MB");
        assertTrue(RawHttp.postFiller(base, WEBHOOK, 50L * 1024 * 1024, true).contains(" 413"), "chunked 50 MB");
        assertEquals(before, count());
        assertEquals(200, postJson(base, notification(marker).json()).statusCode());
    }

    @Test
    void refusesFormMultipartAndXmlWith415() {
        long before = count();
        byte[] body = notification(marker).json().getBytes(UTF_8);
        for (String type : new String[] {
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/xml"
        }) {
            assertProblem(post(base, WEBHOOK, type, body), 415, type);
        }
        assertEquals(before, count());
    }

    @Test
    void refusesMissingMalformedAndWrongIdsWith401AndAnEmptyBody() {
        long before = count();
        String rest = ",\"EventType\":4,\"UserAccount\":\"" + marker + "\"}";
        String[] bodies = {
            "{\"EventType\":4}",
            "{\"Userlock\":\"" + PRIMARY_ID + "\"" + rest,
            "{\"Userlock\":{}" + rest,
            "{\"Userlock\":{\"Id\":\"\"}" + rest,
            "{\"Userlock\":{\"Id\":null}" + rest,
            "{\"Userlock\":{\"Id\":42}" + rest,
            "{\"Userlock\":{\"Id\":[\"" + PRIMARY_ID + "\"]}" + rest,
            "{\"Userlock\":{\"Id\":{\"v\":\"" + PRIMARY_ID + "\"}}" + rest,
            notification(marker).withId("00000000-0000-0000-0000-000000000000").json(),
            notification(marker).withId(PRIMARY_ID + " ").json(),
            notification(marker).withId(" " + PRIMARY_ID).json(),
            notification(marker).withId(PRIMARY_ID.replace('a', '\u0430')).json(),
            notification(marker).withId(PRIMARY_ID.substring(0, 35)).json(),
            // A wrong EventType type must not tell an unauthenticated sender anything: still 401.
            "{\"Userlock\":{\"Id\":\"wrong\"},\"EventType\":\"four\"}"
        };
        for (String body : bodies) {
            HttpResponse<String> response = postJson(base, body);
            assertEquals(401, response.statusCode(), body);
            assertEquals("", response.body(), body);
        }
        assertEquals(before, count());
    }

    @Test
    void ignoresAnIdSentInTheQueryString() {
        String body = "{\"EventType\":4,\"UserAccount\":\"" + marker + "\"}";
        HttpResponse<String> response = post(
                base,
                WEBHOOK + "?Id=" + PRIMARY_ID + "&UserLockId=" + PRIMARY_ID,
                "application/json",
                body.getBytes(UTF_8));

        assertEquals(401, response.statusCode());
        assertTrue(stored(marker).isEmpty());
    }

    @Test
    void refusesWrongTypesForConfirmedMembersOnceAuthenticated() {
        String[] bodies = {
            notification(marker).json().replace("\"EventType\":4", "\"EventType\":\"4\""),
            notification(marker).json().replace("\"EventType\":4", "\"EventType\":4.5"),
            notification(marker)
                    .json()
                    .replace("\"EventTime\":\"2025-03-12T21:47:05.1234567+01:00\"", "\"EventTime\":1741812425"),
            notification(marker).json().replace("\"FQDN\":\"ulsrv01.corp.example.com\"", "\"FQDN\":[1]")
        };
        for (String body : bodies) {
            assertProblem(postJson(base, body), 400, body);
        }
        assertTrue(stored(marker).isEmpty());
    }

    @Test
    void answersOtherMethodsWith405() {
        long before = count();
        for (String method : new String[] {"GET", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
            HttpResponse<String> response = ItSupport.method(base, WEBHOOK, method);
            assertEquals(405, response.statusCode(), method);
            assertEquals("POST", response.headers().firstValue("Allow").orElse(""), method);
        }
        assertEquals(before, count());
    }

    // --- audit, metrics, health, OpenAPI ------------------------------------------------------------------------

    @Test
    void writesOneAuditEntryPerBurstOfRefusals() throws Exception {
        Thread.sleep(3_500); // let any burst from earlier tests close (quiet period PT2S in the tests)
        long head = Long.parseLong(get(base, "api/it-probe/audit/head").body());

        for (int i = 0; i < 20; i++) {
            postJson(
                    base,
                    notification(marker)
                            .withId("11111111-2222-3333-4444-55555555555" + (i % 10))
                            .json());
        }

        JsonArray entries = Json.createArrayBuilder().build();
        for (int i = 0; i < 40 && entries.isEmpty(); i++) {
            Thread.sleep(250);
            entries = parseArray(get(base, "api/it-probe/audit?action=webhook.rejected&after=" + head)
                    .body());
        }
        Thread.sleep(3_000);
        entries = parseArray(get(base, "api/it-probe/audit?action=webhook.rejected&after=" + head)
                .body());
        assertEquals(1, entries.size(), entries.toString());
        assertTrue(entries.getString(0).contains("unauthenticated=20"), entries.getString(0));
        assertFalse(entries.getString(0).contains(PRIMARY_ID));
    }

    @Test
    void keepsTheAuditChainLinearUnderConcurrentAppends() {
        JsonObject result = parseObject(post(base, "api/it-probe/audit/concurrent?threads=4&each=25", null, new byte[0])
                .body());

        assertTrue(result.getBoolean("intact"), result.toString());
        assertTrue(result.getInt("checked") >= 100, result.toString());
    }

    @Test
    void detectsEveryKindOfAuditTampering() throws Exception {
        Thread.sleep(3_500); // no refusal burst may append while the drill rewrites the table
        JsonObject drill = parseObject(
                post(base, "api/it-probe/audit/tamper", null, new byte[0]).body());

        for (String kind : new String[] {"update", "deleteMiddle", "deleteTail", "reorder"}) {
            assertFalse(drill.getJsonObject(kind).getBoolean("intact"), kind + ": " + drill);
            assertTrue(drill.getJsonObject(kind).containsKey("firstBrokenSeq"), kind);
        }
        assertTrue(drill.getJsonObject("restored").getBoolean("intact"), drill.toString());
    }

    @Test
    void countsNotificationsPerServerAndOutcomeInMetrics() {
        postJson(base, notification(marker).json());
        postJson(base, notification(marker).json());
        postJson(
                base,
                notification(marker).fromBackup().withComputer(marker + "-b").json());
        postJson(base, notification(marker).withId("wrong").json());

        String metrics = get(base.resolve("/"), "metrics?scope=application").body();

        assertTrue(
                metrics.contains("afterhours_notifications_received_total{mp_scope=\"application\","
                        + "outcome=\"stored\",server=\"primary\"}"),
                metrics);
        assertTrue(metrics.contains("outcome=\"duplicate\",server=\"primary\""), metrics);
        assertTrue(metrics.contains("outcome=\"stored\",server=\"backup\""), metrics);
        assertTrue(
                metrics.contains("afterhours_notifications_rejected_total{mp_scope=\"application\","
                        + "reason=\"unauthenticated\",server=\"unknown\"}"),
                metrics);
        assertTrue(metrics.contains("afterhours_spool_bytes{mp_scope=\"application\"} 0"), metrics);
    }

    @Test
    void servesHealthAndOpenApi() {
        HttpResponse<String> health = get(base.resolve("/"), "health");
        HttpResponse<String> openApi = get(base.resolve("/"), "openapi");

        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"name\":\"webhook-intake\""), health.body());
        assertTrue(health.body().contains("\"database\":\"up\""), health.body());
        assertTrue(health.body().contains("\"name\":\"webhook-writers\""), health.body());
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.body().contains("/api/userlock/notifications"), openApi.body());
        assertTrue(openApi.body().contains("UserLockNotification"), openApi.body());
    }

    @Test
    void filtersSortsAndPagesNotificationsInTheDatabase() {
        String a = marker + "-a";
        String b = marker + "-b";
        String c = marker + "-c";
        postJson(base, notification(a).json());
        postJson(base, notification(b).fromBackup().withEventType(1).json());
        postJson(
                base,
                notification(c)
                        .withEventType(20)
                        .withEventTime("2025-03-12T10:00:00+01:00")
                        .json());
        postJson(base, notification(null).withComputer(marker + "-unmapped").json());
        String hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).toString();

        assertEquals("3|CORP\\" + a + ",CORP\\" + b + ",CORP\\" + c, page("user=" + marker + "&sort=user&asc=true"));
        assertEquals("3|CORP\\" + c, page("user=" + marker.toUpperCase(Locale.ROOT) + "&sort=user&size=1&first=0"));
        assertEquals("1|CORP\\" + b, page("user=" + marker + "&server=BACKUP"));
        assertEquals("1|CORP\\" + b, page("user=" + marker + "&eventType=1"));
        assertEquals("1|CORP\\" + a, page("user=" + marker + "&classification=OUT_OF_HOURS_DENIAL"));
        assertEquals("1|CORP\\" + c, page("user=" + marker + "&classification=AD_DENIAL"));
        assertEquals(
                "3|CORP\\" + a + ",CORP\\" + b + ",CORP\\" + c,
                page("user=" + marker + "&from=" + hourAgo + "&sort=user&asc=true"));
        assertEquals("0|", page("user=" + marker + "&to=" + hourAgo));
        assertTrue(page("mapped=false&from=" + hourAgo + "&to=" + Instant.now().plusSeconds(60))
                .contains("-"));
        assertEquals("0|", page("user=" + marker + "&mapped=false"));
        assertEquals("0|", page("user=" + marker.replace('-', '_')), "LIKE wildcards in the filter are data");
    }

    @Test
    void theNotificationsBoundaryRefusesAnyoneButAdministratorsWhateverTheUrl() {
        assertEquals(403, get(base, "api/it-probe/page?user=x").statusCode(), "anonymous");
        PortalSession manager = new PortalSession(base).signedInAs("mdubois");
        assertEquals(403, manager.get("api/it-probe/page?user=x").statusCode(), "a manager");
        assertTrue(page("user=x").contains("|"), "an administrator");
    }

    @Test
    void showsTheNotificationsPageToAdministratorsOnly() {
        postJson(base, notification(marker).json());
        long auditHead = Long.parseLong(get(base, "api/it-probe/audit/head").body());

        HttpResponse<String> anonymous = new PortalSession(base).get("admin/notifications.xhtml");
        assertTrue(anonymous.body().contains("signin:account"), "anonymous visitors get the sign-in form");
        assertFalse(anonymous.body().contains(marker), "and no notification");

        PortalSession administrator = new PortalSession(base);
        HttpResponse<String> signedIn =
                administrator.signInFrom("admin/notifications.xhtml", "aadmin", PortalSession.DEMO_PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertTrue(
                signedIn.headers().firstValue("Location").orElse("").endsWith("/admin/notifications.xhtml"),
                "back to the page first asked for: " + signedIn.headers().map());
        HttpResponse<String> page = administrator.get("admin/notifications.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(marker), "the newest notification is on the first page");

        PortalSession employee = new PortalSession(base);
        assertEquals(
                302, employee.signIn("zlefevre", PortalSession.DEMO_PASSWORD).statusCode());
        HttpResponse<String> refused = employee.get("admin/notifications.xhtml");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("id=\"forbidden\""), "the portal's own 403 page");
        assertFalse(refused.body().contains(marker));
        assertEquals(200, employee.get("index.xhtml").statusCode());

        String refusals = get(base, "api/it-probe/audit?action=access.refused&after=" + auditHead)
                .body();
        assertEquals(1, parseArray(refusals).size(), refusals);
        assertTrue(refusals.contains("admin/notifications.xhtml"), refusals);
        String signIns = get(base, "api/it-probe/audit?action=signin.succeeded&after=" + auditHead)
                .body();
        assertTrue(signIns.contains("administrator") && signIns.contains("employee"), signIns);
    }

    @Test
    void refusesWrongPasswordsDisabledAccountsAndInjectedNames() {
        long auditHead = Long.parseLong(get(base, "api/it-probe/audit/head").body());
        String[][] attempts = {
            {"aadmin", "wrong"},
            {"dgone", PortalSession.DEMO_PASSWORD},
            {"*)(sAMAccountName=*", "x"},
            {"aadmin)(|(cn=*", PortalSession.DEMO_PASSWORD},
            {"nobody", "x"}
        };
        for (String[] attempt : attempts) {
            PortalSession session = new PortalSession(base);
            HttpResponse<String> response = session.signIn(attempt[0], attempt[1]);
            assertEquals(302, response.statusCode(), attempt[0]);
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("login.xhtml?failed=true"));
            assertTrue(session.get("login.xhtml?failed=true").body().contains("Wrong account or password"));
            assertTrue(session.get("index.xhtml").body().contains("signin:account"), "still anonymous: " + attempt[0]);
        }
        String failures = get(base, "api/it-probe/audit?action=signin.failed&after=" + auditHead)
                .body();
        assertEquals(attempts.length, parseArray(failures).size(), failures);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        PortalSession administrator = new PortalSession(base);
        administrator.signIn("aadmin", PortalSession.DEMO_PASSWORD);
        PortalSession employee = new PortalSession(base);
        employee.signIn("zlefevre", PortalSession.DEMO_PASSWORD);
        PortalSession anonymous = new PortalSession(base);
        java.util.Map<String, HttpResponse<String>> responses = new java.util.LinkedHashMap<>();
        responses.put("sign-in page", anonymous.get("login.xhtml"));
        responses.put("protected page, anonymous (sign-in form)", anonymous.get("index.xhtml"));
        responses.put("home page", employee.get("index.xhtml"));
        responses.put("administration, employee (403)", employee.get("admin/notifications.xhtml"));
        responses.put("administration", administrator.get("admin/notifications.xhtml"));
        responses.put("stylesheet", anonymous.get("jakarta.faces.resource/brand.css.xhtml?ln=afterhours"));
        responses.put("missing page (404)", anonymous.get("does-not-exist"));
        responses.put("webhook stored", postJson(base, notification(marker).json()));
        responses.put(
                "webhook 401",
                postJson(base, notification(marker).withId("wrong").json()));
        responses.put("webhook 405", ItSupport.method(base, WEBHOOK, "GET"));
        for (var entry : responses.entrySet()) {
            var headers = entry.getValue().headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertAll(
                    entry.getKey(),
                    () -> assertEquals(
                            "nosniff",
                            headers.firstValue("X-Content-Type-Options").orElse("")),
                    () -> assertEquals(
                            "no-referrer", headers.firstValue("Referrer-Policy").orElse("")),
                    () -> assertTrue(csp.contains("frame-ancestors 'none'"), csp),
                    () -> assertTrue(csp.contains("object-src 'none'"), csp),
                    () -> assertTrue(csp.contains("base-uri 'none'"), csp),
                    () -> assertEquals(
                            1, headers.allValues("Content-Security-Policy").size(), "one policy"));
        }
        for (String page : new String[] {
            "sign-in page",
            "protected page, anonymous (sign-in form)",
            "home page",
            "administration",
            "administration, employee (403)"
        }) {
            String csp = responses
                    .get(page)
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("");
            assertTrue(csp.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]+'.*"), page + ": " + csp);
        }
        HttpResponse<String> overHttps = send(java.net.http.HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("X-Forwarded-Proto", "https")
                .build());
        assertTrue(overHttps
                .headers()
                .firstValue("Strict-Transport-Security")
                .orElse("")
                .startsWith("max-age="));
        // The PostgreSQL pass runs the HTTPS configuration (behind a TLS proxy): HSTS always. Otherwise only when
        // the request says it came over HTTPS.
        assertEquals(
                Boolean.getBoolean("afterhours.it.https"),
                responses
                        .get("sign-in page")
                        .headers()
                        .firstValue("Strict-Transport-Security")
                        .isPresent(),
                "HSTS over plain HTTP only in the HTTPS configuration");
    }

    @Test
    void listsTheDemoAccountsOnTheSignInPage() {
        String page = new PortalSession(base).get("login.xhtml").body();

        assertTrue(page.contains("demo-accounts"));
        assertTrue(
                page.contains("Zoë Lefèvre") && page.contains("山田 太郎") && page.contains("Seán O&#39;Brien")
                        || page.contains("Seán O'Brien"),
                "awkward names are listed");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private JsonArray stored(String which) {
        return parseArray(
                get(base, "api/it-probe/notifications?marker=" + which).body());
    }

    /** The page query through the real boundary, which answers administrators only: ask as one. */
    private String page(String query) {
        if (administrator == null) {
            administrator = new PortalSession(base).signedInAs("aadmin");
        }
        HttpResponse<String> response = administrator.get("api/it-probe/page?" + query.replace("+", "%2B"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest request) {
        return ItSupport.send(request);
    }

    private long count() {
        return Long.parseLong(get(base, "api/it-probe/count").body());
    }

    private static JsonObject single(JsonArray rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.getJsonObject(0);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what);
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                what);
        JsonObject problem = parseObject(response.body());
        assertEquals(status, problem.getInt("status"), what);
    }

    private static <T> List<T> concurrently(int copies, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(copies, 32));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static JsonArray parseArray(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }

    static JsonObject parseObject(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
