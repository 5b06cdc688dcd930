package io.afterhours.it;

import io.afterhours.audit.boundary.Anchor;
import io.afterhours.audit.boundary.AuditAnchors;
import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.AuditRetention;
import io.afterhours.audit.boundary.ChainVerification;
import io.afterhours.audit.control.ChainVerifier;
import io.afterhours.platform.control.AfterhoursDataSource;
import io.afterhours.retention.boundary.PurgeCounts;
import io.afterhours.retention.control.RetentionWorker;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import javax.sql.DataSource;

/**
 * Test-only tampering with the audit tables over JDBC (reliability.md R11) and the retention purge on demand, for
 * {@link AuditIntegrityIT}. Every tampering first copies what it changes (the entries from the first one touched, and
 * the head row) into backup tables; {@code restore} puts exactly that back, so the shared PostgreSQL database of the
 * run is left with an intact chain.
 */
@ApplicationScoped
@Path("it-audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditProbeResource {

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    AuditAnchors anchors;

    @Inject
    ChainVerifier verifier;

    @Inject
    RetentionWorker retention;

    @Inject
    AuditRetention auditRetention;

    @Inject
    io.afterhours.platform.boundary.ScheduledJobs jobs;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    /** Appends {@code count} entries through the real boundary; returns the first and last sequence numbers. */
    @POST
    @Path("fillers")
    public String fillers(@QueryParam("count") int count) {
        long first = 0;
        long last = 0;
        for (int i = 0; i < count; i++) {
            last = auditLog.append(AuditRecord.system("it", "it.filler", "row", "filler " + i));
            first = first == 0 ? last : first;
        }
        return Json.createObjectBuilder()
                .add("first", first)
                .add("last", last)
                .build()
                .toString();
    }

    /** Anchors the head now, as the hourly job does. */
    @POST
    @Path("anchor")
    public String anchor() {
        Anchor anchor = anchors.anchorNow().orElseThrow();
        return Json.createObjectBuilder()
                .add("seq", anchor.seq())
                .add("hash", anchor.hash())
                .add("first", anchor.first())
                .add("line", anchor.line())
                .build()
                .toString();
    }

    /** The full verification: the chain and the newest anchor on file. */
    @GET
    @Path("verify")
    public String verify() {
        return json(auditLog.verify()).build().toString();
    }

    /** The walk alone, without any anchor: what a verifier without an external anchor would conclude. */
    @GET
    @Path("verify/chain-only")
    public String verifyChainOnly() {
        return json(verifier.verify(List.of())).build().toString();
    }

    /**
     * Tampers with the table directly. {@code update}: edits entry {@code seq}; {@code delete}: deletes entry
     * {@code seq}; {@code reorder}: swaps the content of entries {@code seq} and {@code seq + 1}; {@code truncate}:
     * deletes the entries after {@code seq} and rewinds the head row to entry {@code seq}, as an attacker covering
     * their tracks would; {@code rewrite}: that truncation, then {@code count} new entries appended through the real
     * boundary, so the chain is consistent and as long as before.
     */
    @POST
    @Path("tamper/{kind}")
    public String tamper(@PathParam("kind") String kind, @QueryParam("seq") long seq, @QueryParam("count") int count)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            execute(c, "CREATE TABLE it_audit_backup AS SELECT * FROM audit_entry WHERE seq >= " + seq);
            execute(c, "CREATE TABLE it_head_backup AS SELECT * FROM audit_chain_head");
            switch (kind) {
                case "update" -> execute(c, "UPDATE audit_entry SET details = 'edited' WHERE seq = " + seq);
                case "delete" -> execute(c, "DELETE FROM audit_entry WHERE seq = " + seq);
                case "reorder" -> {
                    execute(c, "UPDATE audit_entry SET seq = -1 WHERE seq = " + seq);
                    execute(c, "UPDATE audit_entry SET seq = " + seq + " WHERE seq = " + (seq + 1));
                    execute(c, "UPDATE audit_entry SET seq = " + (seq + 1) + " WHERE seq = -1");
                }
                case "truncate", "rewrite" -> truncateAfter(c, seq);
                default -> throw new WebApplicationException("unknown tampering " + kind, 400);
            }
        }
        if (kind.equals("rewrite")) {
            fillers(count);
        }
        return verify();
    }

    /** Puts back exactly what the last tampering changed and drops the backups; returns the verification. */
    @POST
    @Path("restore")
    public String restore() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long from = single(c, "SELECT MIN(seq) FROM it_audit_backup");
            execute(c, "DELETE FROM audit_entry WHERE seq >= " + from + " OR seq = -1");
            execute(c, "INSERT INTO audit_entry SELECT * FROM it_audit_backup");
            execute(
                    c,
                    "UPDATE audit_chain_head SET last_seq = (SELECT last_seq FROM it_head_backup),"
                            + " last_hash = (SELECT last_hash FROM it_head_backup)");
            execute(c, "DROP TABLE it_audit_backup");
            execute(c, "DROP TABLE it_head_backup");
            c.commit();
        }
        return verify();
    }

    /**
     * Makes a request look closed (with {@code state}) a year and more ago: its last change, its window and the
     * notifications of its denials moved {@code days} days back. With {@code window=false} only its last change moves
     * (an open request nobody touched for that long).
     */
    @POST
    @Path("age/request")
    public int ageRequest(
            @QueryParam("request") long request,
            @QueryParam("days") int days,
            @QueryParam("state") String state,
            @QueryParam("window") @jakarta.ws.rs.DefaultValue("true") boolean window)
            throws SQLException {
        Timestamp end = Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
        Timestamp start = Timestamp.from(end.toInstant().minus(Duration.ofHours(1)));
        try (Connection c = dataSource.getConnection()) {
            if (!window) {
                try (PreparedStatement u =
                        c.prepareStatement("UPDATE extension_request SET updated_at = ? WHERE id = ?")) {
                    u.setTimestamp(1, end);
                    u.setLong(2, request);
                    return u.executeUpdate();
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE extension_request SET updated_at = ?,"
                            + " window_start = ?, window_end = ?, requested_start = ?, requested_end = ?,"
                            + " state = COALESCE(?, state) WHERE id = ?");
                    PreparedStatement n = c.prepareStatement("UPDATE notification SET received_at = ?"
                            + " WHERE request_id = ? OR id IN"
                            + " (SELECT notification_id FROM request_denial WHERE request_id = ?)")) {
                u.setTimestamp(1, end);
                u.setTimestamp(2, start);
                u.setTimestamp(3, end);
                u.setTimestamp(4, start);
                u.setTimestamp(5, end);
                u.setString(6, state);
                u.setLong(7, request);
                n.setTimestamp(1, end);
                n.setLong(2, request);
                n.setLong(3, request);
                return u.executeUpdate() + n.executeUpdate();
            }
        }
    }

    /** Moves a stored notification {@code days} days back. */
    @POST
    @Path("age/notification")
    public int ageNotification(@QueryParam("id") long id, @QueryParam("days") int days) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE notification SET received_at = ? WHERE id = ?")) {
            u.setTimestamp(1, Timestamp.from(Instant.now().minus(Period.ofDays(days))));
            u.setLong(2, id);
            return u.executeUpdate();
        }
    }

    /** The rows about a request in every table the purge knows, as "table=count" pairs. */
    @GET
    @Path("rows")
    public String rows(@QueryParam("request") long request) throws SQLException {
        JsonObjectBuilder out = Json.createObjectBuilder();
        try (Connection c = dataSource.getConnection()) {
            out.add("extension_request", count(c, "SELECT COUNT(*) FROM extension_request WHERE id = ?", request));
            for (String table : new String[] {
                "request_denial",
                "request_decision",
                "request_timer",
                "extension_usage_event",
                "mail_outbox",
                "decision_link_use",
                "notification"
            }) {
                out.add(table, count(c, "SELECT COUNT(*) FROM " + table + " WHERE request_id = ?", request));
            }
        }
        return out.build().toString();
    }

    /** Whether a notification is still stored (1) or purged (0). */
    @GET
    @Path("notification")
    public long notification(@QueryParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return count(c, "SELECT COUNT(*) FROM notification WHERE id = ?", id);
        }
    }

    /** Sends the daily audit digest now, as the job does once claimed; returns the anchor it mailed. */
    @POST
    @Path("digest")
    public String digest() {
        Anchor anchor = anchors.digest().orElseThrow().anchor();
        return Json.createObjectBuilder()
                .add("seq", anchor.seq())
                .add("line", anchor.line())
                .build()
                .toString();
    }

    /** The queued mails of one kind newer than an outbox id: "recipient|subject|text body" strings. */
    @GET
    @Path("mails")
    public String mails(@QueryParam("kind") String kind) throws SQLException {
        jakarta.json.JsonArrayBuilder out = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT recipient_address, subject, text_body FROM mail_outbox"
                        + " WHERE kind = ? ORDER BY id")) {
            q.setString(1, kind);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return out.build().toString();
    }

    /**
     * Several instances asking for the same due run at the same moment: a job row of its own, {@code threads} claims
     * released together through the real boundary; returns how many won (the row is removed afterwards).
     */
    @POST
    @Path("claim-race")
    public int claimRace(@QueryParam("threads") int threads) throws Exception {
        String job = "it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection();
                PreparedStatement i =
                        c.prepareStatement("INSERT INTO scheduled_job (name, next_run_at) VALUES (?, ?)")) {
            i.setString(1, job);
            i.setTimestamp(2, Timestamp.from(Instant.now().minusSeconds(60)));
            i.executeUpdate();
        }
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String instance = "instance-" + t;
                claims.add(executor.submit(() -> {
                    start.await();
                    return jobs.claim(job, instance, Instant.now().plus(Duration.ofHours(1)));
                }));
            }
            start.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            return won;
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement d = c.prepareStatement("DELETE FROM scheduled_job WHERE name = ?")) {
                d.setString(1, job);
                d.executeUpdate();
            }
        }
    }

    /** Runs the retention purge now, as its job does once claimed; returns what it deleted. */
    @POST
    @Path("purge")
    public String purge() {
        PurgeCounts purged = retention.purge();
        return Json.createObjectBuilder()
                .add("requests", purged.requests())
                .add("notifications", purged.notifications())
                .add("mails", purged.mails())
                .add("userLock", purged.userLockRows())
                .add("audit", purged.auditEntries())
                .build()
                .toString();
    }

    /**
     * The audit retention purge with the cut-off at the moment entry {@code before} was appended (batch after batch,
     * as the job does); returns how many entries went and the lowest entry left.
     */
    @POST
    @Path("purge-audit")
    public String purgeAudit(@QueryParam("before") long before) throws SQLException {
        Instant cutoff;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT occurred_at FROM audit_entry WHERE seq = ?")) {
            q.setLong(1, before);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new WebApplicationException("no audit entry " + before, 400);
                }
                cutoff = rs.getTimestamp(1).toInstant();
            }
        }
        int deleted = 0;
        int batch;
        do {
            batch = auditRetention.purgeBefore(cutoff, 500);
            deleted += batch;
        } while (batch == 500);
        try (Connection c = dataSource.getConnection()) {
            return Json.createObjectBuilder()
                    .add("deleted", deleted)
                    .add("lowest", single(c, "SELECT MIN(seq) FROM audit_entry"))
                    .build()
                    .toString();
        }
    }

    /** The first entry of the chain now. */
    @GET
    @Path("lowest")
    @Produces(MediaType.TEXT_PLAIN)
    public long lowest() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return single(c, "SELECT MIN(seq) FROM audit_entry");
        }
    }

    /** The full verification with an anchor pasted as an auditor would. */
    @GET
    @Path("verify-anchor")
    public String verifyAnchor(@QueryParam("seq") long seq, @QueryParam("hash") String hash) {
        return json(auditLog.verify(Anchor.pasted(seq, hash))).build().toString();
    }

    private void truncateAfter(Connection c, long seq) throws SQLException {
        String hash;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT hash FROM audit_entry WHERE seq = " + seq)) {
            rs.next();
            hash = rs.getString(1);
        }
        execute(c, "DELETE FROM audit_entry WHERE seq > " + seq);
        execute(c, "UPDATE audit_chain_head SET last_seq = " + seq + ", last_hash = '" + hash + "'");
    }

    static JsonObjectBuilder json(ChainVerification v) {
        JsonObjectBuilder out =
                Json.createObjectBuilder().add("intact", v.intact()).add("checked", v.entriesChecked());
        if (v.firstBrokenSeq() != null) {
            out.add("firstBrokenSeq", v.firstBrokenSeq()).add("problem", v.problem());
        }
        return out;
    }

    private static long count(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
