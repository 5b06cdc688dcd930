package io.afterhours.it;

import io.afterhours.admin.control.HealthSnapshot;
import io.afterhours.platform.control.AfterhoursDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Test-only endpoints for ReportsIT and HealthIT, added to their deployments only: puts requests made through the
 * real flows at known moments of the past (the forms accept only the future), and makes the outbox look stuck.
 */
@ApplicationScoped
@Path("it-probe-reports")
@Produces(MediaType.TEXT_PLAIN)
public class ReportsProbe {

    @Resource(lookup = AfterhoursDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    HealthSnapshot snapshot;

    /** Moves a request: made at {@code created}, decided at {@code decided} (if decided), window in the past. */
    @POST
    @Path("request-times")
    public int requestTimes(
            @QueryParam("request") long request,
            @QueryParam("created") String created,
            @QueryParam("decided") String decided,
            @QueryParam("windowStart") String windowStart,
            @QueryParam("windowEnd") String windowEnd)
            throws SQLException {
        int changed = 0;
        try (Connection c = dataSource.getConnection()) {
            changed += update(c, "UPDATE extension_request SET created_at = ? WHERE id = ?", created, request);
            if (decided != null) {
                changed +=
                        update(c, "UPDATE request_decision SET decided_at = ? WHERE request_id = ?", decided, request);
            }
            if (windowStart != null) {
                try (PreparedStatement u = c.prepareStatement("UPDATE extension_request SET window_start = ?,"
                        + " window_end = ?, requested_start = ?, requested_end = ? WHERE id = ?")) {
                    Timestamp from = Timestamp.from(Instant.parse(windowStart));
                    Timestamp to = Timestamp.from(Instant.parse(windowEnd));
                    u.setTimestamp(1, from);
                    u.setTimestamp(2, to);
                    u.setTimestamp(3, from);
                    u.setTimestamp(4, to);
                    u.setLong(5, request);
                    changed += u.executeUpdate();
                }
            }
        }
        return changed;
    }

    /**
     * A mail queued {@code ageMinutes} ago and not due before tomorrow (so the worker leaves it alone): the outbox
     * of a server whose SMTP relay has been down that long. Returns its id.
     */
    @POST
    @Path("stuck-mail")
    public long stuckMail(@QueryParam("ageMinutes") long ageMinutes) throws SQLException {
        long id = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement i = c.prepareStatement("INSERT INTO mail_outbox (id, kind, recipient_address,"
                        + " subject, text_body, html_body, state, attempts, next_attempt_at, claimed_until,"
                        + " created_at) VALUES (?, 'it.stuck', 'stuck@example.com', 'Stuck', 'Stuck', '<p>Stuck</p>',"
                        + " 'QUEUED', 3, ?, ?, ?)")) {
            i.setLong(1, id);
            i.setTimestamp(2, Timestamp.from(now.plusSeconds(86_400)));
            i.setTimestamp(3, Timestamp.from(Instant.EPOCH));
            i.setTimestamp(4, Timestamp.from(now.minusSeconds(ageMinutes * 60)));
            i.executeUpdate();
        }
        snapshot.forget();
        return id;
    }

    /** Takes the stuck mail away again, so the next probe reads a healthy outbox. */
    @POST
    @Path("release-mail")
    public int releaseMail(@QueryParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement d = c.prepareStatement("DELETE FROM mail_outbox WHERE id = ?")) {
            d.setLong(1, id);
            int deleted = d.executeUpdate();
            snapshot.forget();
            return deleted;
        }
    }

    /**
     * Moves every bridge's last call {@code minutes} into the past (negative: back again), as if the bridges had
     * stopped calling that long ago.
     */
    @POST
    @Path("age-bridges")
    public int ageBridges(@QueryParam("minutes") long minutes) throws SQLException {
        int changed = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT name, last_seen FROM userlock_bridge");
                PreparedStatement u = c.prepareStatement("UPDATE userlock_bridge SET last_seen = ? WHERE name = ?");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                Instant seen = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                u.setTimestamp(1, Timestamp.from(seen.minusSeconds(minutes * 60)));
                u.setString(2, rs.getString(1));
                changed += u.executeUpdate();
            }
        }
        snapshot.forget();
        return changed;
    }

    private static int update(Connection c, String sql, String at, long id) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(sql)) {
            u.setTimestamp(1, Timestamp.from(Instant.parse(at)));
            u.setLong(2, id);
            return u.executeUpdate();
        }
    }
}
