package io.afterhours.audit.control;

import io.afterhours.audit.boundary.Anchor;
import io.afterhours.audit.boundary.ChainVerification;
import io.afterhours.audit.entity.AuditChainHead;
import io.afterhours.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Walks the hash chain from its start to the head and reports the first broken link, then holds the chain against an
 * anchor written outside the database. The walk alone catches an edited, deleted or reordered entry and a head row
 * that disagrees with the entries; only the anchor catches a tail deleted together with a head row rewound to match.
 * The start is entry 1, or after a retention purge the entry following the one a checkpoint ({@link AuditCheckpoint})
 * names; entries missing at the start without a checkpoint are reported like any other missing entry.
 */
@ApplicationScoped
public class ChainVerifier {

    static final int PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    /** The chain's own consistency, then each anchor given (the newest one on file, one an auditor pasted). */
    public ChainVerification verify(List<Anchor> anchors) {
        ChainStart start = start();
        ChainVerification result = verifyFrom(start, anchors);
        if (!result.intact() && !start.equals(start())) {
            // A retention purge committed while we walked (it deletes from the start): judge the chain as it is now.
            result = verifyFrom(start(), anchors);
        }
        return result;
    }

    private ChainVerification verifyFrom(ChainStart start, List<Anchor> anchors) {
        // The head first: entries appended while we walk are not part of this check, and an entry and its head
        // update commit together, so every entry up to the head seen here is committed.
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long headSeq = head.lastSeq();
        String headHash = head.lastHash();
        em.clear();
        if (!start.accounted()) {
            return ChainVerification.broken(0, 1, start.problem());
        }
        ChainVerification walked = walk(start, headSeq, headHash);
        if (!walked.intact()) {
            return walked;
        }
        for (Anchor anchor : anchors) {
            Optional<ChainVerification> broken = against(anchor, start, headSeq);
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return walked;
    }

    /** The hash of entry 1, which names this chain in the anchor file (kept by checkpoints); empty while empty. */
    public Optional<String> firstHash() {
        return Optional.ofNullable(start().chainFirst());
    }

    /**
     * Where the chain begins now: entry 1, or the entry after the newest checkpoint's last removed entry. Entries
     * missing at the start with no checkpoint for them make an unaccounted start, which the verification reports.
     */
    public ChainStart start() {
        Long lowest = em.createQuery("SELECT MIN(e.seq) FROM AuditEntry e", Long.class)
                .getSingleResult();
        if (lowest == null) {
            return ChainStart.empty();
        }
        AuditEntry first = em.find(AuditEntry.class, lowest);
        em.clear();
        if (lowest == 1) {
            return ChainStart.fromGenesis(first.hash());
        }
        // Checkpoints are few (one per purge that reached the audit history); the one for this start is the newest.
        List<String> checkpoints = em.createQuery(
                        "SELECT e.details FROM AuditEntry e WHERE e.action = :action ORDER BY e.seq DESC", String.class)
                .setParameter("action", AuditCheckpoint.ACTION)
                .getResultList();
        return checkpoints.stream()
                .map(AuditCheckpoint::parse)
                .flatMap(Optional::stream)
                .filter(checkpoint -> checkpoint.throughSeq() == lowest - 1)
                .findFirst()
                .map(ChainStart::after)
                .orElseGet(() -> ChainStart.unaccounted(lowest, first.hash()));
    }

    /**
     * Whether consecutive entries from the chain's start link and hash as they should; the first problem if not. The
     * retention purge checks what it is about to delete with it.
     */
    public Optional<String> brokenWithin(ChainStart start, List<AuditEntry> entries) {
        Cursor cursor = new Cursor(start);
        for (AuditEntry entry : entries) {
            if (!cursor.accepts(entry)) {
                return Optional.of(cursor.describe());
            }
        }
        return Optional.empty();
    }

    private ChainVerification walk(ChainStart start, long headSeq, String headHash) {
        Cursor cursor = new Cursor(start);
        while (cursor.expectedSeq <= headSeq) {
            List<AuditEntry> page = em.createQuery(
                            "SELECT e FROM AuditEntry e WHERE e.seq >= :from AND e.seq <= :to ORDER BY e.seq",
                            AuditEntry.class)
                    .setParameter("from", cursor.expectedSeq)
                    .setParameter("to", headSeq)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditEntry entry : page) {
                if (!cursor.accepts(entry)) {
                    return ChainVerification.broken(cursor.checked, cursor.brokenSeq, cursor.problem);
                }
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        long last = cursor.expectedSeq - 1;
        if (last != headSeq) {
            return ChainVerification.broken(
                    cursor.checked,
                    last + 1,
                    "the chain head records entry " + headSeq + " but the chain ends at " + last);
        }
        if (!headHash.equals(cursor.expectedPrevious)) {
            return ChainVerification.broken(
                    cursor.checked, headSeq, "the chain head's hash does not match the last entry");
        }
        return ChainVerification.ok(cursor.checked);
    }

    /** The walk's position: the entry expected next and the hash it must link to; the first problem once broken. */
    private static final class Cursor {
        long expectedSeq;
        String expectedPrevious;
        long checked;
        long brokenSeq;
        String problem;

        Cursor(ChainStart start) {
            expectedSeq = start.firstSeq();
            expectedPrevious = start.previousHash();
        }

        boolean accepts(AuditEntry entry) {
            if (entry.seq() != expectedSeq) {
                return broken(expectedSeq, "entry " + expectedSeq + " is missing");
            }
            if (!entry.previousHash().equals(expectedPrevious)) {
                return broken(entry.seq(), "link to the previous entry does not match");
            }
            if (!AuditHashing.of(entry).equals(entry.hash())) {
                return broken(entry.seq(), "content does not match its hash");
            }
            expectedPrevious = entry.hash();
            expectedSeq++;
            checked++;
            return true;
        }

        /** The problem with the entry named: "entry 7 is missing", "entry 7: content does not match its hash". */
        String describe() {
            return problem.startsWith("entry ") ? problem : "entry " + brokenSeq + ": " + problem;
        }

        private boolean broken(long seq, String what) {
            brokenSeq = seq;
            problem = what;
            return false;
        }
    }

    /** After an intact walk up to {@code headSeq}: does the anchored entry still exist with the anchored hash? */
    private Optional<ChainVerification> against(Anchor anchor, ChainStart start, long headSeq) {
        if (anchor.seq() < start.firstSeq()) {
            // Purged with a checkpoint; the checkpoint's own record of the last removed entry must agree with it.
            boolean agrees =
                    anchor.seq() < start.firstSeq() - 1 || anchor.hash().equals(start.previousHash());
            return agrees
                    ? Optional.empty()
                    : Optional.of(ChainVerification.broken(
                            headSeq,
                            anchor.seq(),
                            "anchored entry " + anchor.seq() + " was removed by retention, but the checkpoint"
                                    + " records another hash for it"));
        }
        if (anchor.seq() > headSeq) {
            return Optional.of(ChainVerification.broken(
                    headSeq,
                    headSeq + 1,
                    "truncated: anchored entry " + anchor.seq() + " missing (the chain now ends at " + headSeq
                            + ", so entries " + (headSeq + 1) + " to " + anchor.seq() + " were removed)"));
        }
        AuditEntry entry = em.find(AuditEntry.class, anchor.seq());
        em.clear();
        if (entry == null || !entry.hash().equals(anchor.hash())) {
            // The walk found a consistent chain, so everything from the anchored entry on was rewritten.
            return Optional.of(ChainVerification.broken(
                    headSeq,
                    anchor.seq(),
                    "truncated: anchored entry " + anchor.seq() + " different (its hash is not the anchored "
                            + anchor.hash().substring(0, 12) + "…; the chain was cut and rewritten from there)"));
        }
        return Optional.empty();
    }
}
