package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.post;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tamper evidence and retention (issue 7, reliability.md R11) against the real tables: each test tampers with
 * {@code audit_entry} and {@code audit_chain_head} directly over JDBC ({@link AuditProbeResource}), sees the first
 * broken entry reported, and restores exactly what it changed (the PostgreSQL pass shares one database with every
 * other test class). The retention purge runs on real requests, mails and notifications made over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIntegrityIT {

    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";
    private static final Pattern INTEGRITY_LINK = Pattern.compile("href=\"([^\"]*audit/integrity\\.xhtml[^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form id=\"anchor\"[^>]*action=\"([^\"]+)\"");

    @ArquillianResource
    URL deploymentUrl;

    URI base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
    }

    @Test
    void everyTamperingIsReportedAtItsFirstBrokenEntryAndTheTailCutOnlyThroughTheAnchor() {
        JsonObject rows = probe("fillers?count=6");
        long first = rows.getJsonNumber("first").longValue();
        long target = first + 2;
        int attempts = 0;
        int detected = 0;

        for (String[] kind : new String[][] {
            {"update", "content does not match its hash"},
            {"delete", "entry " + target + " is missing"},
            {"reorder", "link to the previous entry does not match"}
        }) {
            try {
                JsonObject result = probe("tamper/" + kind[0] + "?seq=" + target);
                attempts++;
                detected += broken(result, target, kind[1]) ? 1 : 0;
            } finally {
                assertTrue(probe("restore").getBoolean("intact"), kind[0] + " restored");
            }
        }

        long anchored = probe("anchor").getJsonNumber("seq").longValue();
        try {
            JsonObject result = probe("tamper/truncate?seq=" + target);
            attempts++;
            assertTrue(
                    WebhookIT.parseObject(
                                    get(base, "api/it-audit/verify/chain-only").body())
                            .getBoolean("intact"),
                    "the cut chain is consistent in itself: only the anchor tells");
            detected += broken(result, target + 1, "truncated: anchored entry " + anchored + " missing") ? 1 : 0;
        } finally {
            assertTrue(probe("restore").getBoolean("intact"), "truncation restored");
        }

        anchored = probe("anchor").getJsonNumber("seq").longValue();
        try {
            // Cut, then append as many new entries as were removed: as long as before, consistent, but not the same.
            JsonObject result = probe("tamper/rewrite?seq=" + target + "&count=" + (anchored - target + 2));
            attempts++;
            detected += broken(result, anchored, "truncated: anchored entry " + anchored + " different") ? 1 : 0;
        } finally {
            assertTrue(probe("restore").getBoolean("intact"), "rewrite restored");
        }

        JsonObject after =
                WebhookIT.parseObject(get(base, "api/it-audit/verify").body());
        assertTrue(after.getBoolean("intact"), after.toString());
        assertEquals(attempts, detected);
        // The figure reliability.md §3 asks for.
        System.out.println("R11: " + after.getJsonNumber("checked") + " audit rows; chain verifies; " + attempts
                + " tamper attempts, " + detected + " detected");
    }

    @Test
    void anAuditorSeesABrokenChainAndChecksAPastedAnchorOnTheIntegrityPage() {
        PortalSession auditor = new PortalSession(base).signedInAs("aauditor");
        JsonObject anchor = probe("anchor");
        long seq = anchor.getJsonNumber("seq").longValue();
        String hash = anchor.getString("hash");

        String page = open(auditor);
        assertTrue(page.contains("id=\"intact\""), page);
        assertTrue(page.contains("id=\"newest-anchor\""), "the newest anchor on file is shown");

        String checked = paste(auditor, page, String.valueOf(seq), hash.toUpperCase());
        assertTrue(checked.contains("id=\"intact\"") && checked.contains("id=\"checked-anchor\""), checked);
        assertTrue(
                get(base, "api/it-probe/audit?action=audit.anchor-checked&after=" + seq)
                        .body()
                        .contains("aauditor|anchor " + seq + "/" + hash + ": intact"),
                "the check is audited");

        String forged =
                paste(auditor, page, String.valueOf(seq), (hash.startsWith("0") ? "1" : "0") + hash.substring(1));
        assertTrue(forged.contains("id=\"broken\""), forged);
        assertTrue(forged.contains("truncated: anchored entry " + seq + " different"), forged);

        String beyond = paste(auditor, page, String.valueOf(seq + 1_000_000), hash);
        assertTrue(beyond.contains("truncated: anchored entry " + (seq + 1_000_000) + " missing"), beyond);

        String invalid = paste(auditor, page, String.valueOf(seq), "not-a-hash");
        assertTrue(invalid.contains("An anchor is an entry number from 1 on and a hash of 64 hexadecimal"), invalid);
        assertFalse(invalid.contains("id=\"broken\""), "nothing checked with a bad anchor");

        long target = probe("fillers?count=3").getJsonNumber("first").longValue();
        try {
            probe("tamper/update?seq=" + target);
            String tampered = open(auditor);
            assertTrue(tampered.contains("id=\"broken\""), tampered);
            assertTrue(tampered.contains("BROKEN at entry " + target + ": content does not match its hash"), tampered);
        } finally {
            assertTrue(probe("restore").getBoolean("intact"));
        }
    }

    @Test
    void theDailyDigestMailsTheAnchorToAuditorsAndAdministratorsAndOneInstanceWinsEachRun() {
        JsonObject digest = probe("digest");
        String line = digest.getString("line");

        String mails = get(base, "api/it-audit/mails?kind=admin-audit-digest").body();
        for (String recipient : new String[] {"aauditor@corp.local", "aadmin@corp.local"}) {
            assertTrue(mails.contains(recipient + "|Audit digest: chain head at entry " + digest.getInt("seq")), mails);
        }
        assertTrue(mails.contains(line), "the anchor line is in the mail: " + mails);
        assertTrue(mails.contains("The audit chain verifies"), mails);
        assertTrue(
                get(base, "api/it-probe/audit?action=audit.digest&after=" + (digest.getInt("seq") - 1))
                        .body()
                        .contains(line),
                "the digest is audited with its anchor");

        HttpResponse<String> race = post(base, "api/it-audit/claim-race?threads=6", null, new byte[0]);
        assertEquals("1", race.body(), "exactly one of six instances runs a due job");
    }

    @Test
    void retentionPurgesOldClosedRequestsAndNotificationsWithTheirRowsKeepsOpenOnesAndTheChainVerifies()
            throws Exception {
        String run = runId();
        String boss = "rboss" + run;
        String worker = "rwrk" + run;
        DemoDirectory.addEmployee(base, worker, DemoDirectory.addEmployee(base, boss, CLAIRE));
        PortalSession employee = new PortalSession(base).signedInAs(worker);
        PortalSession manager = new PortalSession(base).signedInAs(boss);
        RequestDriver driver = new RequestDriver(base);

        // Open: opened by a denied logon, untouched for 400 days; its denial's notification is 100 days old.
        long open = driver.deniedLogon(worker, LocalDate.now(ZoneOffset.UTC) + "T23:00:00Z", "PC-O-" + run);
        long openNotification = notificationId("PC-O-" + run);
        // Closed: withdrawn by the employee; approved by the manager and ended.
        long cancelled = driver.askAhead(employee, 60, "Stock count");
        String mine = employee.get("requests.xhtml").body();
        employee.click("requests.xhtml", mine, RequestDriver.buttonOf(mine, "mine:list", cancelled, "cancel"), true);
        assertTrue(driver.row(worker, cancelled).contains("|CANCELLED|"));
        long ended = driver.askAhead(employee, 60, "Year-end close");
        driver.pressInRow(manager, "inbox.xhtml", "inbox:pending", ended, "approve");
        assertTrue(driver.row(worker, ended).contains("|APPROVED|"));
        // Stray logons: an old one and a recent one.
        long oldStray = logon("PC-S-" + run);
        long recentStray = logon("PC-R-" + run);

        JsonObject endedBefore = rows(ended);
        assertEquals(1, endedBefore.getInt("request_decision"), endedBefore.toString());
        assertTrue(endedBefore.getInt("mail_outbox") >= 1, "the manager was mailed: " + endedBefore);
        assertTrue(rows(cancelled).getInt("mail_outbox") >= 1, rows(cancelled).toString());
        age("request?request=" + open + "&days=400&window=false");
        age("request?request=" + cancelled + "&days=400");
        age("request?request=" + ended + "&days=400&state=ENDED");
        age("notification?id=" + openNotification + "&days=100");
        age("notification?id=" + oldStray + "&days=100");
        long head = Long.parseLong(get(base, "api/it-probe/audit/head").body());

        JsonObject purged = probe("purge");

        assertTrue(purged.getInt("requests") >= 2, purged.toString());
        assertTrue(purged.getInt("notifications") >= 1, purged.toString());
        assertEquals(0, purged.getInt("audit"), "the audit history is kept ten years in this run: " + purged);
        for (long gone : new long[] {cancelled, ended}) {
            JsonObject left = rows(gone);
            for (String table : left.keySet()) {
                assertEquals(0, left.getInt(table), "request " + gone + " left rows in " + table + ": " + left);
            }
        }
        JsonObject kept = rows(open);
        assertEquals(1, kept.getInt("extension_request"), "an open request is kept: " + kept);
        assertTrue(kept.getInt("request_denial") >= 1, kept.toString());
        assertEquals(1, stored(openNotification), "a kept request's notification is kept");
        assertEquals(0, stored(oldStray), "an old notification is purged");
        assertEquals(1, stored(recentStray), "a recent notification is kept");

        String audited = get(base, "api/it-probe/audit?action=retention.purged&after=" + head)
                .body();
        assertTrue(audited.contains("retention|requests="), audited);
        assertTrue(audited.contains("closed requests last changed before "), audited);

        JsonObject verified =
                WebhookIT.parseObject(get(base, "api/it-audit/verify").body());
        assertTrue(verified.getBoolean("intact"), "the chain verifies across the purge: " + verified);
        long purgeEntry = Long.parseLong(audited.substring(audited.indexOf('"') + 1, audited.indexOf('|')));
        try {
            JsonObject tampered = probe("tamper/update?seq=" + purgeEntry);
            assertTrue(broken(tampered, purgeEntry, "content does not match its hash"), "and still catches tampering");
        } finally {
            assertTrue(probe("restore").getBoolean("intact"));
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it deletes the run's older entries, which the R11 figure counts
    void auditRetentionDeletesTheOldestEntriesBehindACheckpointAndTheChainStillVerifiesWithItsAnchors() {
        JsonObject oldAnchor = probe("anchor");
        JsonObject old = probe("fillers?count=3");
        JsonObject kept = probe("fillers?count=3");
        long keptFirst = kept.getJsonNumber("first").longValue();

        // A batch that does not verify is never deleted: the purge must not destroy evidence of tampering. The first
        // entry of the chain is in the first batch, whatever the number of entries this run made before.
        long lowest = Long.parseLong(get(base, "api/it-audit/lowest").body());
        try {
            probe("tamper/update?seq=" + lowest);
            assertEquals(0, probe("purge-audit?before=" + keptFirst).getInt("deleted"), "nothing deleted");
        } finally {
            assertTrue(probe("restore").getBoolean("intact"), "update restored");
        }

        JsonObject purged = probe("purge-audit?before=" + keptFirst);
        lowest = purged.getJsonNumber("lowest").longValue();
        assertTrue(purged.getInt("deleted") >= 6, "at least the fillers before ours and the anchored entry: " + purged);
        assertTrue(lowest > old.getJsonNumber("last").longValue() && lowest <= keptFirst, purged.toString());

        String checkpoints = get(base, "api/it-probe/audit?action=audit.checkpoint&after=" + keptFirst)
                .body();
        Matcher checkpoint = Pattern.compile("(\\d+)\\|retention\\|entries up to " + (lowest - 1)
                        + " removed \\(older than [^)]+\\); entry " + (lowest - 1)
                        + " hash ([0-9a-f]{64}); chain " + oldAnchor.getString("first"))
                .matcher(checkpoints);
        assertTrue(checkpoint.find(), "the purge is audited as a checkpoint keeping the chain's name: " + checkpoints);
        long checkpointSeq = Long.parseLong(checkpoint.group(1));
        String lastRemovedHash = checkpoint.group(2);

        JsonObject verified =
                WebhookIT.parseObject(get(base, "api/it-audit/verify").body());
        assertTrue(verified.getBoolean("intact"), "the chain verifies from the checkpoint: " + verified);
        assertEquals(
                oldAnchor.getString("first"),
                probe("anchor").getString("first"),
                "anchors still name the chain by its entry 1, which is gone");
        assertTrue(
                verifyAnchor(oldAnchor.getJsonNumber("seq").longValue(), oldAnchor.getString("hash"))
                        .getBoolean("intact"),
                "an anchor of a removed entry is accounted for by the checkpoint");
        assertTrue(verifyAnchor(lowest - 1, lastRemovedHash).getBoolean("intact"));
        String otherHash = (lastRemovedHash.startsWith("0") ? "1" : "0") + lastRemovedHash.substring(1);
        assertTrue(
                broken(verifyAnchor(lowest - 1, otherHash), lowest - 1, "the checkpoint records another hash"),
                "an anchor that disagrees with the checkpoint");

        // Deleting more at the start, or editing the checkpoint: the missing entries are no longer accounted for.
        for (String[] kind : new String[][] {
            {"delete", String.valueOf(lowest), "entries 1 to " + lowest + " are missing and no checkpoint"},
            {"update", String.valueOf(checkpointSeq), "entries 1 to " + (lowest - 1) + " are missing and no checkpoint"}
        }) {
            try {
                JsonObject result = probe("tamper/" + kind[0] + "?seq=" + kind[1]);
                assertTrue(broken(result, 1, kind[2]), kind[0]);
            } finally {
                assertTrue(probe("restore").getBoolean("intact"), kind[0] + " restored");
            }
        }
    }

    private JsonObject verifyAnchor(long seq, String hash) {
        return WebhookIT.parseObject(get(base, "api/it-audit/verify-anchor?seq=" + seq + "&hash=" + hash)
                .body());
    }

    private JsonObject probe(String path) {
        HttpResponse<String> response = post(base, "api/it-audit/" + path, null, new byte[0]);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body().startsWith("{") ? WebhookIT.parseObject(response.body()) : JsonObject.EMPTY_JSON_OBJECT;
    }

    private void age(String what) {
        HttpResponse<String> response = post(base, "api/it-audit/age/" + what, null, new byte[0]);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Integer.parseInt(response.body()) >= 1, what + " changed nothing");
    }

    private static boolean broken(JsonObject result, long seq, String problem) {
        assertFalse(result.getBoolean("intact"), result.toString());
        assertEquals(seq, result.getJsonNumber("firstBrokenSeq").longValue(), result.toString());
        assertTrue(result.getString("problem").contains(problem), result.toString());
        return true;
    }

    private JsonObject rows(long request) {
        return WebhookIT.parseObject(
                get(base, "api/it-audit/rows?request=" + request).body());
    }

    private long stored(long notification) {
        return Long.parseLong(
                get(base, "api/it-audit/notification?id=" + notification).body());
    }

    private long notificationId(String computer) {
        return WebhookIT.parseArray(get(base, "api/it-probe/notifications?marker=" + computer)
                        .body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    private long logon(String computer) {
        assertEquals(
                200,
                postJson(
                                base,
                                notification("stray" + computer)
                                        .withEventType(1)
                                        .withComputer(computer)
                                        .json())
                        .statusCode());
        return notificationId(computer);
    }

    /** Opens the integrity page from the menu link (it is a protected view). */
    private static String open(PortalSession session) {
        Matcher link = INTEGRITY_LINK.matcher(session.get("index.xhtml").body());
        assertTrue(link.find(), "the menu links to the integrity page");
        String href = link.group(1).replace("&amp;", "&");
        HttpResponse<String> page = session.get(href.substring(href.indexOf("audit/integrity.xhtml")));
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    /** Posts the anchor form of {@code page} as its (non-AJAX) button does. */
    private static String paste(PortalSession session, String page, String seq, String hash) {
        Matcher action = FORM_ACTION.matcher(page);
        assertTrue(action.find(), "the anchor form");
        String path = action.group(1).replace("&amp;", "&");
        String fields = "anchor=anchor&anchor%3Aseq=" + PortalSession.encode(seq) + "&anchor%3Ahash="
                + PortalSession.encode(hash) + "&anchor%3Acheck=" + PortalSession.pageTokens(page);
        HttpResponse<String> response =
                session.post(path.substring(path.indexOf("audit/integrity.xhtml")), fields, false);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
