package io.afterhours.audit.boundary;

import io.afterhours.audit.control.AuditHashing;
import io.afterhours.audit.entity.AuditChainHead;
import io.afterhours.audit.entity.AuditEntry;
import io.afterhours.platform.control.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The audit history's only entry point. {@link #append} joins the caller's transaction, so an audited change and its
 * entry commit or roll back together. Appends lock the chain head row, which keeps the chain linear when threads or
 * instances append at once; callers on hot paths (intake) therefore summarise into one entry per burst rather than
 * appending per event.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    private static final int PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Appends one entry and returns its sequence number. */
    public long append(AuditRecord record) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.lastSeq() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String actor = StoredText.column(record.actor(), 255);
        String action = StoredText.column(record.action(), 64);
        String subject = StoredText.column(record.subject(), 255);
        String details = StoredText.column(record.details(), 4000);
        String hash = AuditHashing.hash(head.lastHash(), seq, now, record.actorType(), actor, action, subject, details);
        em.persist(
                new AuditEntry(seq, now, record.actorType(), actor, action, subject, details, head.lastHash(), hash));
        head.advance(seq, hash);
        return seq;
    }

    /**
     * Walks the whole chain from the first entry and reports the first broken link. Detects edited, deleted and
     * reordered rows; truncating the tail together with the head row needs an external anchor of the head hash.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify() {
        // The head first: entries appended while we walk are not part of this check, and an entry and its head
        // update commit together, so every entry up to the head seen here is committed.
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long headSeq = head.lastSeq();
        String headHash = head.lastHash();
        em.clear();
        String expectedPrevious = AuditHashing.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (expectedSeq <= headSeq) {
            List<AuditEntry> page = em.createQuery(
                            "SELECT e FROM AuditEntry e WHERE e.seq >= :from AND e.seq <= :to ORDER BY e.seq",
                            AuditEntry.class)
                    .setParameter("from", expectedSeq)
                    .setParameter("to", headSeq)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditEntry entry : page) {
                if (entry.seq() != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!entry.previousHash().equals(expectedPrevious)) {
                    return ChainVerification.broken(checked, entry.seq(), "link to the previous entry does not match");
                }
                String recomputed = AuditHashing.hash(
                        entry.previousHash(),
                        entry.seq(),
                        entry.occurredAt(),
                        entry.actorType(),
                        entry.actor(),
                        entry.action(),
                        entry.subject(),
                        entry.details());
                if (!recomputed.equals(entry.hash())) {
                    return ChainVerification.broken(checked, entry.seq(), "content does not match its hash");
                }
                expectedPrevious = entry.hash();
                expectedSeq++;
                checked++;
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        if (checked != headSeq) {
            return ChainVerification.broken(
                    checked,
                    checked + 1,
                    "the chain head records entry " + headSeq + " but the chain ends at " + checked);
        }
        if (!headHash.equals(expectedPrevious)) {
            return ChainVerification.broken(checked, headSeq, "the chain head's hash does not match the last entry");
        }
        return ChainVerification.ok(checked);
    }
}
