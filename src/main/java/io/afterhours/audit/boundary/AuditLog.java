package io.afterhours.audit.boundary;

import io.afterhours.audit.control.AnchorFile;
import io.afterhours.audit.control.AuditHashing;
import io.afterhours.audit.control.ChainVerifier;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit history's only entry point. {@link #append} joins the caller's transaction, so an audited change and its
 * entry commit or roll back together. Appends lock the chain head row, which keeps the chain linear when threads or
 * instances append at once; callers on hot paths (intake) therefore summarise into one entry per burst rather than
 * appending per event.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ChainVerifier verifier;

    @Inject
    AnchorFile anchorFile;

    /** Appends one entry and returns its sequence number. */
    public long append(AuditRecord record) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.lastSeq() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String actor = StoredText.column(record.actor(), 255);
        String action = StoredText.column(record.action(), 64);
        String subject = StoredText.column(record.subject(), 255);
        String details = StoredText.column(record.details(), 4000);
        Concerning about = record.concerning();
        AuditEntry entry = new AuditEntry(
                seq,
                now,
                record.actorType(),
                actor,
                action,
                subject,
                details,
                head.lastHash(),
                about == null ? null : about.requestId(),
                about == null ? null : StoredText.column(about.personGuid(), 36),
                about == null ? null : StoredText.column(about.personAccount(), 256));
        String hash = AuditHashing.of(entry);
        entry.seal(hash);
        em.persist(entry);
        head.advance(seq, hash);
        return seq;
    }

    /**
     * Walks the whole chain from the first entry and reports the first broken link, then checks that the newest
     * anchor this instance wrote outside the database ({@link AuditAnchors}) is still in the chain: edited, deleted
     * and reordered rows break the walk; a deleted tail with the head row rewound to match fails the anchor.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify() {
        return verifier.verify(newestAnchor().stream().toList());
    }

    /** As {@link #verify()}, and also against an anchor an auditor pasted (from a digest mail or a log line). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify(Anchor pasted) {
        List<Anchor> anchors = new ArrayList<>(newestAnchor().stream().toList());
        anchors.add(pasted);
        return verifier.verify(anchors);
    }

    /** The newest anchor on file for this chain (anchors of another database's chain are ignored). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Anchor> newestAnchor() {
        return verifier.firstHash().flatMap(anchorFile::newest);
    }
}
