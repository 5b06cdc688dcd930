package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Denials by UserLock waiting to become (or join) extension requests: the hand-over from intake to the request
 * feature. Both provisional classifications are handed over, in hours and out of hours by the default policy, because
 * only the request worker knows the person's groups and so their own working-hours policy; it records the final
 * classification with {@link #reclassify}. {@link #claim} locks the rows it returns with {@code FOR UPDATE SKIP
 * LOCKED}, so two instances never take the same denial, and a denial is marked only in the caller's transaction: if
 * turning it into a request fails (directory down), the mark rolls back with it and the denial is taken again later,
 * never dropped.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Denials {

    @PersistenceContext
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<DeniedLogon> claim(int max) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, user_name, user_domain, COALESCE(event_time, received_at), computer, client_address,"
                                + " session_type, event_type FROM notification WHERE classification IN (?, ?) AND"
                                + " request_checked_at IS NULL ORDER BY id FETCH FIRST " + Math.max(1, max)
                                + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, Classification.OUT_OF_HOURS_DENIAL.name())
                .setParameter(2, Classification.IN_HOURS_DENIAL.name())
                .getResultList();
        return rows.stream()
                .map(row -> new DeniedLogon(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        (String) row[2],
                        instant(row[3]),
                        (String) row[4],
                        (String) row[5],
                        (String) row[6],
                        row[7] == null ? null : ((Number) row[7]).intValue()))
                .toList();
    }

    /** Records the final classification of a claimed denial, under the person's own working-hours policy. */
    public void reclassify(long notificationId, boolean inHours) {
        em.createNativeQuery("UPDATE notification SET classification = ? WHERE id = ?")
                .setParameter(1, (inHours ? Classification.IN_HOURS_DENIAL : Classification.OUT_OF_HOURS_DENIAL).name())
                .setParameter(2, notificationId)
                .executeUpdate();
    }

    /** Marks a denial as handled, with the request it opened or joined (null: no request, e.g. unknown user). */
    public void markHandled(long notificationId, Long requestId, Instant at) {
        // Two statements rather than binding a typeless NULL, which PostgreSQL's driver cannot place.
        if (requestId == null) {
            em.createNativeQuery("UPDATE notification SET request_checked_at = ? WHERE id = ?")
                    .setParameter(1, java.sql.Timestamp.from(at))
                    .setParameter(2, notificationId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE notification SET request_checked_at = ?, request_id = ? WHERE id = ?")
                    .setParameter(1, java.sql.Timestamp.from(at))
                    .setParameter(2, requestId)
                    .setParameter(3, notificationId)
                    .executeUpdate();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }
}
