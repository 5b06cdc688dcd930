package io.afterhours.audit.boundary;

import io.afterhours.audit.control.AnchorFile;
import io.afterhours.audit.control.ChainVerifier;
import io.afterhours.audit.entity.AuditChainHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Writes the chain head outside the database (reliability.md R11): a structured log line on the logger
 * {@code io.afterhours.audit.anchor} for the SIEM or syslog, and a line in this instance's anchor file. Anchoring is
 * read-only in the database and idempotent, so every instance anchors on its own schedule without claiming anything;
 * the optional daily {@link #digest} is claimed by one instance and mailed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditAnchors {

    static final Logger ANCHOR_LOG = Logger.getLogger("io.afterhours.audit.anchor");

    @PersistenceContext
    EntityManager em;

    @Inject
    ChainVerifier verifier;

    @Inject
    AnchorFile anchorFile;

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<AuditDigest> digests;

    /** Anchors the committed head now; empty while the chain has no entry yet. */
    public Optional<Anchor> anchorNow() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long seq = head.lastSeq();
        String hash = head.lastHash();
        em.clear();
        Optional<String> first = verifier.firstHash();
        if (seq == 0 || first.isEmpty()) {
            return Optional.empty();
        }
        Anchor anchor = new Anchor(seq, hash, first.get(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        // The log line first: it leaves the machine even if the local disk is full.
        ANCHOR_LOG.info(anchor.line());
        anchorFile.append(anchor);
        return Optional.of(anchor);
    }

    /**
     * The daily digest: anchors the head, verifies the chain against it and records both ({@code audit.digest});
     * observers queue the mails in this transaction. Empty while the chain has no entry yet.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<AuditDigest> digest() {
        Optional<Anchor> anchor = anchorNow();
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        ChainVerification result = auditLog.verify();
        auditLog.append(AuditRecord.system(
                "audit",
                "audit.digest",
                "audit",
                anchor.get().line() + "; "
                        + (result.intact()
                                ? "intact, " + result.entriesChecked() + " entries"
                                : "BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem())));
        AuditDigest digest = new AuditDigest(anchor.get(), result);
        digests.fire(digest);
        return Optional.of(digest);
    }
}
