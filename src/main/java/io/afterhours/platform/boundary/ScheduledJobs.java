package io.afterhours.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Periodic jobs that one instance runs at a time (the retention purge, the audit digest mail), one row each in
 * {@code scheduled_job}. Every instance asks on its own schedule; the conditional UPDATE lets exactly one of them win
 * a due run (the others wait on the row lock, then find it no longer due), without container timers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ScheduledJobs {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the job's run if it is due: its next run moves to {@code next}. False when not due or taken. */
    public boolean claim(String job, String instance, Instant next) {
        return em.createNativeQuery("UPDATE scheduled_job SET next_run_at = ?, last_run_by = ?"
                                + " WHERE name = ? AND next_run_at <= ?")
                        .setParameter(1, Timestamp.from(next))
                        .setParameter(2, instance)
                        .setParameter(3, job)
                        .setParameter(4, Timestamp.from(clock.instant()))
                        .executeUpdate()
                == 1;
    }
}
