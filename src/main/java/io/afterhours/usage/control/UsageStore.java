package io.afterhours.usage.control;

import static io.afterhours.platform.control.SqlTimes.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code extension_usage_event} rows: linking (at most once per request and notification) and reading. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class UsageStore {

    @PersistenceContext
    EntityManager em;

    /**
     * Links a notification to a request unless it is linked already; returns whether it was new. Read-then-write is
     * safe here: the notification is claimed with SKIP LOCKED, so no one else links it at the same time.
     */
    public boolean link(long requestId, long notificationId, LinkedEvent event) {
        Number known = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM extension_usage_event WHERE request_id = ? AND notification_id = ?")
                .setParameter(1, requestId)
                .setParameter(2, notificationId)
                .getSingleResult();
        if (known.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO extension_usage_event (request_id, notification_id, kind, event_at,"
                        + " computer, client_address, session_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, requestId)
                .setParameter(2, notificationId)
                .setParameter(3, event.logon() ? "LOGON" : "LOGOFF")
                .setParameter(4, java.sql.Timestamp.from(event.at()))
                .setParameter(5, event.computer() == null ? "" : event.computer())
                .setParameter(6, event.clientAddress() == null ? "" : event.clientAddress())
                .setParameter(7, event.sessionId() == null ? "" : event.sessionId())
                .executeUpdate();
        return true;
    }

    /** Whether a logon other than {@code notificationId} is linked to the request already. */
    public boolean hasOtherLogon(long requestId, long notificationId) {
        Number count = (Number) em.createNativeQuery("SELECT COUNT(*) FROM extension_usage_event WHERE request_id = ?"
                        + " AND kind = 'LOGON' AND notification_id <> ?")
                .setParameter(1, requestId)
                .setParameter(2, notificationId)
                .getSingleResult();
        return count.longValue() > 0;
    }

    /** The linked events of each request (requests without any are absent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<Long, List<LinkedEvent>> eventsOf(Collection<Long> requestIds) {
        Map<Long, List<LinkedEvent>> out = new HashMap<>();
        if (requestIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT request_id, kind, event_at, computer, client_address,"
                        + " session_id FROM extension_usage_event WHERE request_id IN ("
                        + String.join(
                                ",", requestIds.stream().map(String::valueOf).toList()) + ")")
                .getResultList();
        for (Object[] row : rows) {
            out.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(new LinkedEvent(
                            "LOGON".equals(row[1]), instant(row[2]), (String) row[3], (String) row[4], (String)
                                    row[5]));
        }
        return out;
    }
}
