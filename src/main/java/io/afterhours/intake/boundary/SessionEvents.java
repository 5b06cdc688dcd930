package io.afterhours.intake.boundary;

import static io.afterhours.platform.control.SqlTimes.instant;

import io.afterhours.intake.entity.EventCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Logons and logoffs waiting to be linked to the extensions they fall in: the hand-over from intake to the usage
 * feature, shaped like {@link Denials}. {@link #claim} locks the rows it returns with {@code FOR UPDATE SKIP LOCKED},
 * and a row is marked only in the caller's transaction, so a failed batch (directory down) is taken again later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionEvents {

    @PersistenceContext
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<SessionEvent> claim(int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, event_category, user_name, user_domain,"
                        + " COALESCE(event_time, received_at), computer, client_address, session_id FROM notification"
                        + " WHERE event_category IN (?, ?) AND usage_checked_at IS NULL ORDER BY id FETCH FIRST "
                        + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, EventCategory.LOGON.name())
                .setParameter(2, EventCategory.LOGOFF.name())
                .getResultList();
        return rows.stream()
                .map(row -> new SessionEvent(
                        ((Number) row[0]).longValue(),
                        EventCategory.LOGON.name().equals(row[1]),
                        (String) row[2],
                        (String) row[3],
                        instant(row[4]),
                        (String) row[5],
                        (String) row[6],
                        (String) row[7]))
                .toList();
    }

    /** Marks a logon or logoff as looked at, whether or not it fell in an extension. */
    public void markChecked(long notificationId, Instant at) {
        em.createNativeQuery("UPDATE notification SET usage_checked_at = ? WHERE id = ?")
                .setParameter(1, java.sql.Timestamp.from(at))
                .setParameter(2, notificationId)
                .executeUpdate();
    }
}
