package io.afterhours.retention.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Deletes personal data past its retention period, one bounded batch per transaction, so a large backlog never holds
 * long locks and a failed batch rolls back whole (nothing half-deleted); each batch is audited in its own transaction
 * with its counts and cut-offs. A closed request goes with every row that
 * belongs to it, children first; a stored notification goes only once no kept request refers to it (its denials and
 * logons are part of that request's record), so no reference dangles. Audit entries are never purged here.
 */
@ApplicationScoped
@Transactional
public class Retention {

    static final String CLOSED_STATES = "('ENDED', 'DENIED', 'EXPIRED', 'CANCELLED', 'REVOKED', 'FAILED')";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog auditLog;

    /**
     * One batch: up to {@code max} closed requests last changed before {@code requestCutoff} (with their rows), then
     * up to {@code max} notifications received before {@code notificationCutoff}. A null cut-off keeps that kind.
     */
    public PurgeCounts purgeBatch(Instant requestCutoff, Instant notificationCutoff, int max) {
        int requests = 0;
        int mails = 0;
        int userLock = 0;
        if (requestCutoff != null) {
            requests = purgeRequests(requestCutoff, max);
            mails = purgeMails(requestCutoff, max);
            userLock = purgeUserLockRows(requestCutoff, max);
        }
        int notifications = notificationCutoff == null ? 0 : purgeNotifications(notificationCutoff, max);
        PurgeCounts purged = new PurgeCounts(requests, notifications, mails, userLock);
        if (purged.total() > 0) {
            record(purged, requestCutoff, notificationCutoff);
        }
        return purged;
    }

    /** The batch's audit entry, in its transaction: no purge without its record, no record without its purge. */
    private void record(PurgeCounts purged, Instant requestCutoff, Instant notificationCutoff) {
        auditLog.append(AuditRecord.system(
                "retention",
                "retention.purged",
                "personal data",
                "requests=" + purged.requests() + ", notifications=" + purged.notifications() + ", mails="
                        + purged.mails() + ", userlock=" + purged.userLockRows() + "; closed requests last changed"
                        + " before " + (requestCutoff == null ? "(kept forever)" : requestCutoff)
                        + ", notifications received before "
                        + (notificationCutoff == null ? "(kept forever)" : notificationCutoff)));
    }

    private int purgeRequests(Instant cutoff, int max) {
        List<Long> ids = ids(
                "SELECT id FROM extension_request WHERE updated_at < ? AND window_end < ? AND state IN " + CLOSED_STATES
                        + " ORDER BY updated_at, id",
                max,
                cutoff,
                cutoff);
        if (ids.isEmpty()) {
            return 0;
        }
        // Children first: the foreign keys of V3/V7/V13 and the plain request_id references of V9/V10.
        for (String child : List.of(
                "request_denial",
                "request_decision",
                "request_timer",
                "extension_usage_event",
                "mail_outbox",
                "decision_link_use")) {
            execute("DELETE FROM " + child + " WHERE request_id IN " + placeholders(ids.size()), ids);
        }
        // A notification outlives its request when kept longer; it no longer points at it.
        execute("UPDATE notification SET request_id = NULL WHERE request_id IN " + placeholders(ids.size()), ids);
        return deleteById("extension_request", ids);
    }

    private int purgeNotifications(Instant cutoff, int max) {
        List<Long> ids = ids(
                "SELECT n.id FROM notification n WHERE n.received_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM request_denial d WHERE d.notification_id = n.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM extension_usage_event u WHERE u.notification_id = n.id)"
                        + " AND (n.request_id IS NULL"
                        + " OR NOT EXISTS (SELECT 1 FROM extension_request r WHERE r.id = n.request_id))"
                        + " ORDER BY n.received_at, n.id",
                max,
                cutoff);
        return deleteById("notification", ids);
    }

    /** Mails about no request (administrators' alerts) once sent or given up, by when they were queued. */
    private int purgeMails(Instant cutoff, int max) {
        List<Long> ids = ids(
                "SELECT id FROM mail_outbox WHERE request_id IS NULL AND state IN ('SENT', 'DEAD')"
                        + " AND created_at < ? ORDER BY created_at, id",
                max,
                cutoff);
        return deleteById("mail_outbox", ids);
    }

    /** Finished UserLock actions (they name the account and its requests) and ended temporary accounts. */
    private int purgeUserLockRows(Instant cutoff, int max) {
        List<Long> ids = ids(
                "SELECT id FROM userlock_action WHERE state IN ('SUCCEEDED', 'DEAD', 'SUPERSEDED')"
                        + " AND updated_at < ? ORDER BY updated_at, id",
                max,
                cutoff);
        int actions = deleteById("userlock_action", ids);
        int accounts = em.createNativeQuery("DELETE FROM userlock_account WHERE live = FALSE AND updated_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM userlock_action a WHERE a.account_key ="
                        + " userlock_account.account_key)")
                .setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
        return actions + accounts;
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, int max, Instant... cutoffs) {
        var query = em.createNativeQuery(sql + " FETCH FIRST " + Math.max(1, max) + " ROWS ONLY");
        for (int i = 0; i < cutoffs.length; i++) {
            query.setParameter(i + 1, Timestamp.from(cutoffs[i]));
        }
        List<Number> found = query.getResultList();
        return found.isEmpty()
                ? Collections.emptyList()
                : found.stream().map(Number::longValue).toList();
    }

    private int deleteById(String table, List<Long> ids) {
        return ids.isEmpty() ? 0 : execute("DELETE FROM " + table + " WHERE id IN " + placeholders(ids.size()), ids);
    }

    private int execute(String sql, List<Long> ids) {
        var statement = em.createNativeQuery(sql);
        for (int i = 0; i < ids.size(); i++) {
            statement.setParameter(i + 1, ids.get(i));
        }
        return statement.executeUpdate();
    }

    private static String placeholders(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
