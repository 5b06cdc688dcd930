package io.afterhours.it;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.boundary.ChainVerification;
import io.afterhours.intake.boundary.NotificationFilter;
import io.afterhours.intake.boundary.Notifications;
import io.afterhours.intake.entity.Classification;
import io.afterhours.platform.control.AfterhoursDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Test-only window into the deployed application's database, added to the Arquillian deployment by
 * {@link ItSupport#deployment()} and absent from the real WAR. Tests post over real HTTP and then ask here what was
 * stored, because the embedded H2 file is locked by the server process.
 */
@ApplicationScoped
@Path("it-probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    io.afterhours.directory.boundary.Directory directory;

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Notifications notifications;

    @Resource
    ManagedExecutorService executor;

    @Inject
    io.afterhours.request.control.DenialWorker requestWorker;

    @Inject
    io.afterhours.notification.control.OutboxWorker outboxWorker;

    @Inject
    io.afterhours.request.control.LinkKeys linkKeys;

    @Inject
    io.afterhours.notification.boundary.Outbox outbox;

    @Inject
    io.afterhours.connector.control.ConnectorMode connectorMode;

    @Inject
    io.afterhours.audit.control.AnchorFile anchorFile;

    /** Stored notifications whose user or computer equals the marker, oldest first. */
    @GET
    @Path("notifications")
    public String notifications(@QueryParam("marker") String marker) throws SQLException {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id, user_name, user_domain, computer, "
                        + "classification, event_category, time_quality, mapped, server_slot, event_type, raw_json, "
                        + "unmapped_members, event_time FROM notification WHERE user_name = ? OR computer = ? "
                        + "ORDER BY id")) {
            q.setString(1, marker);
            q.setString(2, marker);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder row = Json.createObjectBuilder()
                            .add("id", rs.getLong(1))
                            .add("classification", rs.getString(5))
                            .add("category", rs.getString(6))
                            .add("timeQuality", rs.getString(7))
                            .add("mapped", rs.getBoolean(8))
                            .add("serverSlot", rs.getString(9))
                            .add("rawJson", rs.getString(11));
                    addNullable(row, "user", rs.getString(2));
                    addNullable(row, "domain", rs.getString(3));
                    addNullable(row, "computer", rs.getString(4));
                    addNullable(row, "eventType", rs.getObject(10) == null ? null : String.valueOf(rs.getInt(10)));
                    addNullable(row, "unmappedMembers", rs.getString(12));
                    addNullable(
                            row,
                            "eventTime",
                            rs.getTimestamp(13) == null
                                    ? null
                                    : rs.getTimestamp(13).toInstant().toString());
                    rows.add(row);
                }
            }
        }
        return rows.build().toString();
    }

    /**
     * The Notifications page's query through the real boundary: "count|user,user,..." for the filter and sort given,
     * users in page order.
     */
    @GET
    @Path("page")
    @Produces(MediaType.TEXT_PLAIN)
    public String page(
            @QueryParam("server") String server,
            @QueryParam("user") String user,
            @QueryParam("eventType") Integer eventType,
            @QueryParam("classification") Classification classification,
            @QueryParam("mapped") Boolean mapped,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") String sort,
            @QueryParam("asc") boolean ascending,
            @QueryParam("first") int first,
            @QueryParam("size") @DefaultValue("25") int size) {
        NotificationFilter filter = new NotificationFilter(
                server,
                user,
                eventType,
                classification,
                mapped,
                from == null ? null : Instant.parse(from),
                to == null ? null : Instant.parse(to));
        String users = notifications.page(filter, first, size, sort, ascending).stream()
                .map(n -> n.user() == null ? "-" : n.user())
                .collect(Collectors.joining(","));
        return notifications.count(filter) + "|" + users;
    }

    @GET
    @Path("count")
    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notification")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Audit entries of one action newer than a sequence number, as "seq|details" lines. */
    @GET
    @Path("audit")
    public String audit(@QueryParam("action") String action, @QueryParam("after") long after) throws SQLException {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT seq, actor, details FROM audit_entry WHERE action = ? AND seq > ? ORDER BY seq")) {
            q.setString(1, action);
            q.setLong(2, after);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return rows.build().toString();
    }

    /** A person's requests, newest first: "id|state|origin|denials|approver|computer". */
    @GET
    @Path("requests")
    public String requests(@QueryParam("account") String account) throws SQLException {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id, state, origin, denial_count, approver_name,"
                        + " denial_computer FROM extension_request WHERE requester_account = ? ORDER BY id DESC")) {
            q.setString(1, account);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|"
                            + rs.getString(5) + "|" + rs.getString(6));
                }
            }
        }
        return rows.build().toString();
    }

    /** How many decisions a request has (exactly one once decided, whatever the race). */
    @GET
    @Path("decisions")
    public long decisions(@QueryParam("request") long request) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT COUNT(*) FROM request_decision WHERE request_id = ?")) {
            q.setLong(1, request);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Who decided a request: "name|rule|guid" (a rule's decision has no GUID), or "-" when undecided. */
    @GET
    @Path("decision")
    @Produces(MediaType.TEXT_PLAIN)
    public String decision(@QueryParam("request") long request) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT decided_by_name, decided_by_rule, decided_by_guid FROM request_decision WHERE request_id = ?")) {
            q.setLong(1, request);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) : "-";
            }
        }
    }

    /** A request's timers: "KIND|due|done" lines, done being true or false, by kind. */
    @GET
    @Path("timers")
    public String timers(@QueryParam("request") long request) throws SQLException {
        return lines(
                "SELECT kind, due_at, CASE WHEN done_at IS NULL THEN 'false' ELSE 'true' END FROM request_timer"
                        + " WHERE request_id = ? ORDER BY kind",
                request);
    }

    /** A request's outbox rows: "kind|recipient|state|attempts" lines, oldest first. */
    @GET
    @Path("mail")
    public String mail(@QueryParam("request") long request) throws SQLException {
        return lines(
                "SELECT kind, recipient_address, state, attempts FROM mail_outbox WHERE request_id = ? ORDER BY id",
                request);
    }

    /**
     * Runs the outbox worker from several threads released at the same moment (as several instances would), next to
     * the server's own worker; returns how many rows each thread claimed.
     */
    @POST
    @Path("mail/process-concurrently")
    public String processMailConcurrently(@QueryParam("threads") int threads) throws Exception {
        return concurrently(threads, outboxWorker::process);
    }

    /**
     * Gives up a request's queued mails as the retry limit would (the test server allows 1000 attempts): DEAD, with
     * the error of their last attempt; returns the rows changed. Only rows no worker holds right now: the worker gives
     * a row up only between attempts, and a row killed mid-attempt would keep the worker's lease (minutes) after a
     * retry.
     */
    @POST
    @Path("mail/dead")
    public int killMail(@QueryParam("request") long request) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE mail_outbox SET state = 'DEAD' WHERE request_id = ?"
                        + " AND state = 'QUEUED' AND claimed_until <= ?")) {
            u.setLong(1, request);
            u.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now()));
            return u.executeUpdate();
        }
    }

    /** Lets the lease of a leased UserLock action run out now (as if its bridge had crashed); returns rows changed. */
    @POST
    @Path("connector/expire-lease")
    public int expireLease(@QueryParam("action") long action) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement(
                        "UPDATE userlock_action SET lease_expires_at = ? WHERE id = ? AND state = 'LEASED'")) {
            u.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)));
            u.setLong(2, action);
            return u.executeUpdate();
        }
    }

    /**
     * Holds this server's connector in bridge or manual mode whatever afterhours.connector.mode says; without
     * {@code manual} it follows the setting again.
     */
    @POST
    @Path("connector/mode")
    public String connectorMode(@QueryParam("manual") Boolean manual) {
        connectorMode.switchTo(manual);
        return "\"" + (manual == null ? "setting" : manual ? "manual" : "bridge") + "\"";
    }

    /** The UserLock actions about a request, oldest first: "id|type|state|accountKey|attempt". */
    @GET
    @Path("connector/actions")
    public String connectorActions(@QueryParam("request") long request) throws SQLException {
        return lines(
                "SELECT id, action_type, state, account_key, attempt FROM userlock_action WHERE ','"
                        + " || request_ids || ',' LIKE '%,' || ? || ',%' ORDER BY id",
                String.valueOf(request));
    }

    /**
     * Makes the still-queued mails of a request (or, with {@code about}, the queued administrators' mails whose text
     * contains it) fail for the last time, as after the retry limit; returns their states afterwards.
     */
    @POST
    @Path("mail/give-up")
    public String giveUp(@QueryParam("request") Long request, @QueryParam("about") String about) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        request != null
                                ? "SELECT id FROM mail_outbox WHERE state = 'QUEUED' AND request_id = ?"
                                : "SELECT id FROM mail_outbox WHERE state = 'QUEUED' AND kind LIKE 'admin-%' AND"
                                        + " text_body LIKE ?")) {
            q.setObject(1, request != null ? request : "%" + about + "%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE mail_outbox SET attempts = ? WHERE id = ?")) {
                for (long id : ids) {
                    u.setInt(1, Integer.MAX_VALUE - 1);
                    u.setLong(2, id);
                    u.executeUpdate();
                }
            }
        }
        JsonArrayBuilder states = Json.createArrayBuilder();
        for (long id : ids) {
            states.add(outbox.markFailed(id, "550 given up by the test").name());
        }
        return states.build().toString();
    }

    /** The administrators' outbox rows whose text contains {@code about}: "kind|recipient|state" lines. */
    @GET
    @Path("mail/admin")
    public String adminMail(@QueryParam("about") String about) throws SQLException {
        return lines(
                "SELECT kind, recipient_address, state FROM mail_outbox WHERE kind LIKE 'admin-%' AND text_body LIKE ?"
                        + " ORDER BY id",
                "%" + about + "%");
    }

    /** Makes a request's timer of this kind due a minute ago, as if that much time had passed; returns rows changed. */
    @POST
    @Path("timers/due")
    public int makeDue(@QueryParam("request") long request, @QueryParam("kind") String kind) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u =
                        c.prepareStatement("UPDATE request_timer SET due_at = ? WHERE request_id = ? AND kind = ?")) {
            u.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
            u.setLong(2, request);
            u.setString(3, kind);
            return u.executeUpdate();
        }
    }

    /**
     * Runs the timer worker from several threads released at the same moment (as several instances would), next to
     * the server's own worker; returns how many timers each thread fired.
     */
    @POST
    @Path("timers/fire-concurrently")
    public String fireConcurrently(@QueryParam("threads") int threads) throws Exception {
        return concurrently(threads, requestWorker::fireDueTimers);
    }

    /** Runs {@code work} on {@code threads} threads released at the same moment; returns each one's count. */
    private String concurrently(int threads, java.util.concurrent.Callable<Integer> work) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (Future<Integer> future : futures) {
            counts.add(future.get());
        }
        return counts.build().toString();
    }

    /** Every audit entry about one subject ("request 42"), oldest first, as "action|actor|details". */
    @GET
    @Path("audit/of")
    public String auditOf(@QueryParam("subject") String subject) throws SQLException {
        return lines("SELECT action, actor, details FROM audit_entry WHERE subject = ? ORDER BY seq", subject);
    }

    /**
     * A decision link's token for a request, bound to the approver with this account and valid for {@code valid} from
     * now (an ISO duration; negative for one already expired), signed with the deployment's real key.
     */
    @GET
    @Path("link")
    @Produces(MediaType.TEXT_PLAIN)
    public String link(
            @QueryParam("request") long request,
            @QueryParam("approver") String account,
            @QueryParam("valid") @DefaultValue("PT1H") String valid) {
        java.util.UUID approver = directory.findByAccount(account).orElseThrow().guid();
        io.afterhours.request.control.LinkTokens tokens =
                linkKeys.known() != null ? linkKeys.known() : linkKeys.stored();
        return tokens.issue(request, approver, Instant.now().plus(java.time.Duration.parse(valid)));
    }

    /** How many decision links were used up on a request (one at most). */
    @GET
    @Path("link/uses")
    public String linkUses(@QueryParam("request") long request) throws SQLException {
        return lines("SELECT token_id, used_by FROM decision_link_use WHERE request_id = ?", request);
    }

    /** The rows of a one-parameter query as a JSON array of "col|col|…" strings; times as ISO instants. */
    /** The saved value of one portal setting as "key|value|changed_by" lines (none when nothing is saved). */
    @GET
    @Path("settings")
    public String settings(@QueryParam("key") String key) throws SQLException {
        return lines("SELECT setting_key, setting_value, changed_by FROM setting WHERE setting_key = ?", key);
    }

    /** Every stored column of the portal's UserLock IDs of one slot, to show that no ID is stored in clear. */
    @GET
    @Path("userlock-ids")
    public String userLockIds(@QueryParam("slot") String slot) throws SQLException {
        return lines(
                "SELECT id, slot, digest, hint, added_by, added_at, retires_at, last_seen_at FROM userlock_id"
                        + " WHERE slot = ? ORDER BY id",
                slot);
    }

    private String lines(String sql, Object parameter) throws SQLException {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.time.OffsetDateTime || value instanceof java.sql.Timestamp) {
                            value = rs.getTimestamp(i).toInstant();
                        }
                        line.append(i == 1 ? "" : "|").append(value);
                    }
                    rows.add(line.toString());
                }
            }
        }
        return rows.build().toString();
    }

    /**
     * Moves a request's window (in force and asked for) to start {@code startAgo} minutes ago and last {@code minutes},
     * as if it had been granted that long ago (usage needs windows in the past, which the form never accepts); returns
     * the new start.
     */
    @POST
    @Path("requests/window")
    @Produces(MediaType.TEXT_PLAIN)
    public String moveWindow(
            @QueryParam("request") long request,
            @QueryParam("startAgo") long startAgo,
            @QueryParam("minutes") long minutes)
            throws SQLException {
        Instant start =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(startAgo * 60);
        try (Connection c = dataSource.getConnection();
                PreparedStatement u =
                        c.prepareStatement("UPDATE extension_request SET window_start = ?, window_end = ?,"
                                + " requested_start = ?, requested_end = ? WHERE id = ?")) {
            java.sql.Timestamp from = java.sql.Timestamp.from(start);
            java.sql.Timestamp to = java.sql.Timestamp.from(start.plusSeconds(minutes * 60));
            u.setTimestamp(1, from);
            u.setTimestamp(2, to);
            u.setTimestamp(3, from);
            u.setTimestamp(4, to);
            u.setLong(5, request);
            return u.executeUpdate() == 1 ? start.toString() : "";
        }
    }

    /** How many logons/logoffs naming the marker (user or computer) the usage worker has not looked at yet. */
    @GET
    @Path("notifications/usage-waiting")
    public long usageWaiting(@QueryParam("marker") String marker) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM notification WHERE (user_name = ? OR"
                        + " computer = ?) AND event_category IN ('LOGON', 'LOGOFF') AND usage_checked_at IS NULL")) {
            q.setString(1, marker);
            q.setString(2, marker);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Hands the logons/logoffs of a user to the usage worker again, as a crash before the commit would. */
    @POST
    @Path("notifications/usage-again")
    public int usageAgain(@QueryParam("user") String user) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE notification SET usage_checked_at = NULL WHERE"
                        + " user_name = ? AND event_category IN ('LOGON', 'LOGOFF')")) {
            u.setString(1, user);
            return u.executeUpdate();
        }
    }

    /** Whether the request worker has handled a notification, and which request it opened or joined. */
    @GET
    @Path("notifications/{id}/request")
    public String requestOf(@jakarta.ws.rs.PathParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT request_checked_at IS NOT NULL, request_id FROM notification WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                boolean handled = rs.getBoolean(1);
                long request = rs.getLong(2);
                return handled + "|" + (rs.wasNull() ? "-" : String.valueOf(request));
            }
        }
    }

    /** Where the demo directory listens, so a test can change an account the way an AD administrator would. */
    @GET
    @Path("directory/url")
    public String directoryUrl() {
        return directory.demoUrl().orElseThrow();
    }

    @GET
    @Path("audit/head")
    public long auditHead() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_seq FROM audit_chain_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @GET
    @Path("audit/verify")
    public String verify() {
        return json(auditLog.verify()).build().toString();
    }

    /** Appends from several threads at once, through the real boundary, each in its own transaction. */
    @POST
    @Path("audit/concurrent")
    public String appendConcurrently(@QueryParam("threads") int threads, @QueryParam("each") int each)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(executor.submit(() -> {
                for (int i = 0; i < each; i++) {
                    auditLog.append(AuditRecord.system("it", "it.concurrent", "thread-" + thread, "append " + i));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return verify();
    }

    /**
     * The tamper drill (reliability.md R11) on the real table: each tampering is applied, verified and undone, so
     * the chain is intact again afterwards. Returns one result per drill.
     */
    @POST
    @Path("audit/tamper")
    public String tamper() throws SQLException {
        for (int i = 0; i < 4; i++) {
            auditLog.append(AuditRecord.system("it", "it.tamper", "row", "filler " + i));
        }
        long last = auditHead();
        JsonObjectBuilder results = Json.createObjectBuilder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long middle = last - 2;
            String original = single(c, "SELECT details FROM audit_entry WHERE seq = " + middle);
            update(c, "UPDATE audit_entry SET details = 'edited' WHERE seq = " + middle);
            results.add("update", json(auditLog.verify()));
            update(c, "UPDATE audit_entry SET details = '" + original.replace("'", "''") + "' WHERE seq = " + middle);

            update(c, "CREATE TABLE audit_backup AS SELECT * FROM audit_entry WHERE seq >= " + middle);
            update(c, "DELETE FROM audit_entry WHERE seq = " + middle);
            results.add("deleteMiddle", json(auditLog.verify()));
            update(c, "INSERT INTO audit_entry SELECT * FROM audit_backup WHERE seq = " + middle);

            update(c, "DELETE FROM audit_entry WHERE seq >= " + (last - 1));
            results.add("deleteTail", json(auditLog.verify()));
            update(c, "INSERT INTO audit_entry SELECT * FROM audit_backup WHERE seq >= " + (last - 1));

            update(c, "UPDATE audit_entry SET seq = -1 WHERE seq = " + (last - 1));
            update(c, "UPDATE audit_entry SET seq = " + (last - 1) + " WHERE seq = " + last);
            update(c, "UPDATE audit_entry SET seq = " + last + " WHERE seq = -1");
            results.add("reorder", json(auditLog.verify()));
            update(c, "DELETE FROM audit_entry WHERE seq >= " + (last - 1));
            update(c, "INSERT INTO audit_entry SELECT * FROM audit_backup WHERE seq >= " + (last - 1));
            update(c, "DROP TABLE audit_backup");
        }
        results.add("restored", json(auditLog.verify()));
        return results.build().toString();
    }

    /**
     * Appends {@code rows} audit entries concerning one person in one transaction of batched inserts, each hashed
     * and linked as {@link AuditLog#append} would (AuditHashing.of), so the chain stays intact: the 100,000-row export
     * test's data in seconds. Every 1000th entry's details start with "=" (a formula an export must neutralise).
     * Returns the first sequence number written.
     */
    @POST
    @Path("history/bulk")
    public long bulkHistory(
            @QueryParam("rows") int rows,
            @QueryParam("offset") int offset,
            @QueryParam("account") String account,
            @QueryParam("guid") String guid)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            String previous;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
                rs.next();
                seq = rs.getLong(1);
                previous = rs.getString(2).strip();
            }
            long first = seq + 1;
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (seq, occurred_at, actor_type,"
                    + " actor, action, subject, details, prev_hash, hash, request_id, person_guid, person_account)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = offset; i < offset + rows; i++) {
                    seq++;
                    String details = (i % 1000 == 0 ? "=HYPERLINK(\"http://evil\")" : "bulk row " + i) + ", padded: "
                            + "x".repeat(300);
                    io.afterhours.audit.entity.AuditEntry entry = new io.afterhours.audit.entity.AuditEntry(
                            seq,
                            at,
                            io.afterhours.audit.entity.ActorType.SYSTEM,
                            "it",
                            "it.bulk",
                            "bulk " + i,
                            details,
                            previous,
                            null,
                            guid,
                            account);
                    String hash = io.afterhours.audit.control.AuditHashing.of(entry);
                    insert.setLong(1, seq);
                    insert.setObject(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                    insert.setString(3, "SYSTEM");
                    insert.setString(4, "it");
                    insert.setString(5, "it.bulk");
                    insert.setString(6, "bulk " + i);
                    insert.setString(7, details);
                    insert.setString(8, previous);
                    insert.setString(9, hash);
                    insert.setNull(10, java.sql.Types.BIGINT);
                    insert.setString(11, guid);
                    insert.setString(12, account);
                    insert.addBatch();
                    previous = hash;
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head =
                    c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, seq);
                head.setString(2, previous);
                head.executeUpdate();
            }
            c.commit();
            return first;
        }
    }

    /**
     * Undoes a bulk load, from the tail back: removes at most {@code max} entries from the end (down to {@code from})
     * and points the head at the entry before them, so the chain is intact after every call and the other tests do
     * not walk 100,000 extra entries. Only for a test-owned tail. The anchor worker may have anchored the head while
     * the bulk rows were there (its start run can come seconds after deployment): those anchor lines go too, or every
     * later verification would rightly report the removal as a truncation. Returns the head's sequence number
     * afterwards.
     */
    @POST
    @Path("history/bulk/remove")
    public long removeBulk(@QueryParam("from") long from, @QueryParam("max") int max) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long last = Long.parseLong(single(c, "SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE"));
            long cut = Math.max(from, last - max + 1);
            String previous = single(c, "SELECT hash FROM audit_entry WHERE seq = " + (cut - 1));
            update(c, "DELETE FROM audit_entry WHERE seq >= " + cut);
            try (PreparedStatement head =
                    c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, cut - 1);
                head.setString(2, previous.strip());
                head.executeUpdate();
            }
            c.commit();
            forgetAnchorsFrom(cut);
            return cut - 1;
        }
    }

    private void forgetAnchorsFrom(long seq) {
        java.nio.file.Path file = anchorFile.path();
        try {
            if (!java.nio.file.Files.exists(file)) {
                return;
            }
            List<String> kept = java.nio.file.Files.readAllLines(file).stream()
                    .filter(line -> io.afterhours.audit.boundary.Anchor.parse(line)
                            .map(anchor -> anchor.seq() < seq)
                            .orElse(true))
                    .toList();
            java.nio.file.Path next = file.resolveSibling(file.getFileName() + ".it");
            java.nio.file.Files.write(next, kept);
            java.nio.file.Files.move(
                    next,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Appends one entry concerning a directory person through the real boundary, as a feature would. */
    @POST
    @Path("history/concerning")
    public long concerning(@QueryParam("account") String account, @QueryParam("action") String action) {
        io.afterhours.directory.boundary.DirectoryPerson person =
                directory.findByAccount(account).orElseThrow();
        return auditLog.append(AuditRecord.system("it", action, "person " + account, "about " + account)
                .about(io.afterhours.audit.boundary.Concerning.person(person.guid(), person.account())));
    }

    /**
     * The server's used heap after a full collection, in bytes: measured before an export and while it is half read,
     * the difference is what the export keeps alive (not what it allocates and drops).
     */
    /** The classes holding most of the server's heap (jcmd GC.class_histogram), for a failing memory test's message. */
    @GET
    @Path("heap/histogram")
    @Produces(MediaType.TEXT_PLAIN)
    public String heapHistogram() throws Exception {
        Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        return text.toString().lines().limit(25).collect(Collectors.joining("\n"));
    }

    @GET
    @Path("heap")
    public long heapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static JsonObjectBuilder json(ChainVerification v) {
        JsonObjectBuilder out =
                Json.createObjectBuilder().add("intact", v.intact()).add("checked", v.entriesChecked());
        if (v.firstBrokenSeq() != null) {
            out.add("firstBrokenSeq", v.firstBrokenSeq()).add("problem", v.problem());
        }
        return out;
    }

    private static void addNullable(JsonObjectBuilder row, String name, String value) {
        if (value == null) {
            row.addNull(name);
        } else {
            row.add(name, value);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
