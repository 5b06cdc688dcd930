package io.afterhours.audit.boundary;

import io.afterhours.audit.control.AuditCheckpoint;
import io.afterhours.audit.control.ChainStart;
import io.afterhours.audit.control.ChainVerifier;
import io.afterhours.audit.entity.AuditChainHead;
import io.afterhours.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Deletes the oldest audit entries once they are past their retention period ({@code afterhours.retention.audit}),
 * and keeps the chain verifiable across the deletion: in the same transaction it appends a checkpoint entry
 * ({@link AuditCheckpoint}) naming the last entry removed and its hash, where the verification then starts. Entries
 * go strictly from the start of the chain, never from the middle, and a batch that does not verify is not deleted:
 * the purge must never destroy the evidence of tampering.
 */
@ApplicationScoped
@Transactional
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditLog auditLog;

    /** One batch: up to {@code max} entries from the start of the chain that occurred before {@code cutoff}. */
    public int purgeBefore(Instant cutoff, int max) {
        // The head lock keeps appends (and a purge on another instance) out until the checkpoint is written.
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        ChainStart start = verifier.start();
        if (!start.accounted()) {
            LOG.severe("Audit retention skipped: " + start.problem() + "; verify the chain (Audit integrity)");
            return 0;
        }
        List<AuditEntry> oldest = em.createQuery(
                        "SELECT e FROM AuditEntry e WHERE e.seq >= :from ORDER BY e.seq", AuditEntry.class)
                .setParameter("from", start.firstSeq())
                .setMaxResults(Math.max(1, max))
                .getResultList();
        List<AuditEntry> due = oldest.stream()
                .takeWhile(entry -> entry.occurredAt().isBefore(cutoff))
                .toList();
        if (due.isEmpty()) {
            return 0;
        }
        Optional<String> broken = verifier.brokenWithin(start, due);
        if (broken.isPresent()) {
            LOG.severe("Audit retention skipped, the entries due do not verify: " + broken.get());
            return 0;
        }
        AuditEntry last = due.get(due.size() - 1);
        AuditCheckpoint checkpoint = new AuditCheckpoint(last.seq(), last.hash(), start.chainFirst());
        em.clear();
        int deleted = em.createQuery("DELETE FROM AuditEntry e WHERE e.seq >= :from AND e.seq <= :through")
                .setParameter("from", start.firstSeq())
                .setParameter("through", checkpoint.throughSeq())
                .executeUpdate();
        auditLog.append(AuditRecord.system("retention", AuditCheckpoint.ACTION, "audit", checkpoint.details(cutoff)));
        return deleted;
    }
}
