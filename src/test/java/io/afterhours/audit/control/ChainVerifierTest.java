package io.afterhours.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.audit.boundary.Anchor;
import io.afterhours.audit.boundary.ChainVerification;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.audit.entity.AuditChainHead;
import io.afterhours.audit.entity.AuditEntry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier over an in-memory table: each tampering of reliability.md R11 is reported at its first broken entry,
 * and a cut tail with a rewound head only through an anchor.
 */
class ChainVerifierTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final TreeMap<Long, AuditEntry> table = new TreeMap<>();
    private long headSeq;
    private String headHash;
    private ChainVerifier verifier;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        String previous = AuditHashing.GENESIS;
        for (long seq = 1; seq <= 10; seq++) {
            AuditEntry entry = entry(seq, "detail " + seq, previous);
            table.put(seq, entry);
            previous = entry.hash();
        }
        headSeq = 10;
        headHash = previous;

        EntityManager em = mock(EntityManager.class);
        when(em.find(eq(AuditChainHead.class), any())).thenAnswer(i -> {
            AuditChainHead head = mock(AuditChainHead.class);
            when(head.lastSeq()).thenReturn(headSeq);
            when(head.lastHash()).thenReturn(headHash);
            return head;
        });
        when(em.find(eq(AuditEntry.class), any())).thenAnswer(i -> table.get((Long) i.getArgument(1)));
        TypedQuery<AuditEntry> query = mock(TypedQuery.class);
        long[] range = new long[2];
        when(em.createQuery(anyString(), eq(AuditEntry.class))).thenReturn(query);
        when(query.setParameter(eq("from"), any())).thenAnswer(i -> {
            range[0] = (Long) i.getArgument(1);
            return query;
        });
        when(query.setParameter(eq("to"), any())).thenAnswer(i -> {
            range[1] = (Long) i.getArgument(1);
            return query;
        });
        when(query.setMaxResults(anyInt())).thenReturn(query);
        when(query.getResultList())
                .thenAnswer(i -> new ArrayList<>(
                        table.subMap(range[0], true, range[1], true).values()));
        TypedQuery<Long> lowest = mock(TypedQuery.class);
        when(em.createQuery(anyString(), eq(Long.class))).thenReturn(lowest);
        when(lowest.getSingleResult()).thenAnswer(i -> table.isEmpty() ? null : table.firstKey());
        TypedQuery<String> checkpoints = mock(TypedQuery.class);
        when(em.createQuery(anyString(), eq(String.class))).thenReturn(checkpoints);
        when(checkpoints.setParameter(eq("action"), any())).thenReturn(checkpoints);
        when(checkpoints.getResultList())
                .thenAnswer(i -> table.descendingMap().values().stream()
                        .filter(e -> e.action().equals(AuditCheckpoint.ACTION))
                        .map(AuditEntry::details)
                        .toList());
        verifier = new ChainVerifier();
        verifier.em = em;
    }

    private static AuditEntry entry(long seq, String details, String previous) {
        return entry(seq, "it.row", details, previous);
    }

    private static AuditEntry entry(long seq, String action, String details, String previous) {
        String hash = AuditHashing.hash(previous, seq, AT, ActorType.SYSTEM, "it", action, "row", details);
        return new AuditEntry(seq, AT, ActorType.SYSTEM, "it", action, "row", details, previous, hash);
    }

    /** What the retention purge does: entries 1 to {@code through} deleted, a checkpoint appended at the head. */
    private void purgeThrough(long through, boolean withCheckpoint) {
        String first = table.get(1L).hash();
        String throughHash = table.get(through).hash();
        table.headMap(through, true).clear();
        if (withCheckpoint) {
            AuditCheckpoint checkpoint = new AuditCheckpoint(through, throughHash, first);
            AuditEntry appended = entry(headSeq + 1, AuditCheckpoint.ACTION, checkpoint.details(AT), headHash);
            table.put(appended.seq(), appended);
            headSeq = appended.seq();
            headHash = appended.hash();
        }
    }

    private Anchor anchorOfHead() {
        return new Anchor(headSeq, headHash, table.get(1L).hash(), AT);
    }

    @Test
    void anUntouchedChainVerifiesWithAndWithoutItsAnchor() {
        assertTrue(verifier.verify(List.of()).intact());
        ChainVerification result = verifier.verify(List.of(anchorOfHead()));
        assertTrue(result.intact(), result.toString());
        assertEquals(10, result.entriesChecked());
    }

    @Test
    void anEditedEntryIsTheFirstBrokenOne() {
        AuditEntry original = table.get(4L);
        table.put(
                4L,
                new AuditEntry(
                        4,
                        AT,
                        ActorType.SYSTEM,
                        "it",
                        "it.row",
                        "row",
                        "edited",
                        original.previousHash(),
                        original.hash()));

        assertBroken(verifier.verify(List.of()), 4, "content does not match its hash");
    }

    @Test
    void aDeletedMiddleEntryIsReportedMissing() {
        table.remove(6L);

        assertBroken(verifier.verify(List.of()), 6, "entry 6 is missing");
    }

    @Test
    void twoSwappedEntriesBreakTheLinkAtTheFirst() {
        AuditEntry fifth = table.get(5L);
        AuditEntry sixth = table.get(6L);
        table.put(5L, reseq(sixth, 5));
        table.put(6L, reseq(fifth, 6));

        assertBroken(verifier.verify(List.of()), 5, "link to the previous entry does not match");
    }

    @Test
    void aDeletedTailIsCaughtByTheHeadRowUnlessItIsRewoundToo() {
        Anchor anchor = anchorOfHead();
        table.tailMap(8L, true).clear();

        assertBroken(verifier.verify(List.of()), 8, "the chain head records entry 10 but the chain ends at 7");

        headSeq = 7;
        headHash = table.get(7L).hash();
        assertTrue(verifier.verify(List.of()).intact(), "without an anchor a rewound head hides the cut");
        assertBroken(verifier.verify(List.of(anchor)), 8, "truncated: anchored entry 10 missing");
    }

    @Test
    void aTailCutAndRewrittenToTheSameLengthFailsTheAnchor() {
        Anchor anchor = anchorOfHead();
        String previous = table.get(7L).hash();
        for (long seq = 8; seq <= 10; seq++) {
            AuditEntry forged = entry(seq, "forged " + seq, previous);
            table.put(seq, forged);
            previous = forged.hash();
        }
        headHash = previous;

        assertTrue(verifier.verify(List.of()).intact());
        assertBroken(verifier.verify(List.of(anchor)), 10, "truncated: anchored entry 10 different");
    }

    @Test
    void anOlderAnchorStillHoldsAsTheChainGrows() {
        Anchor older = new Anchor(6, table.get(6L).hash(), table.get(1L).hash(), AT);

        assertTrue(verifier.verify(List.of(older)).intact());
    }

    @Test
    void theFirstHashNamesTheChain() {
        assertEquals(table.get(1L).hash(), verifier.firstHash().orElseThrow());
        table.clear();
        assertFalse(verifier.firstHash().isPresent());
    }

    @Test
    void afterARetentionPurgeTheChainVerifiesFromItsCheckpointAndKeepsItsName() {
        String first = table.get(1L).hash();
        Anchor removed = new Anchor(3, table.get(3L).hash(), first, AT);
        Anchor lastRemoved = new Anchor(4, table.get(4L).hash(), first, AT);
        Anchor kept = anchorOfHead();

        purgeThrough(4, true);

        ChainVerification result = verifier.verify(List.of(removed, lastRemoved, kept));
        assertTrue(result.intact(), result.toString());
        assertEquals(7, result.entriesChecked(), "entries 5 to 10 and the checkpoint");
        assertEquals(first, verifier.firstHash().orElseThrow(), "anchors keep naming the chain by its entry 1");
        assertBroken(
                verifier.verify(List.of(new Anchor(4, table.get(5L).hash(), first, AT))),
                4,
                "the checkpoint records another hash");
    }

    @Test
    void entriesMissingAtTheStartWithoutACheckpointBreakTheChain() {
        purgeThrough(4, false);

        assertBroken(verifier.verify(List.of()), 1, "entries 1 to 4 are missing and no checkpoint accounts for them");
        assertEquals(table.get(5L).hash(), verifier.firstHash().orElseThrow());
    }

    @Test
    void moreEntriesDeletedAfterACheckpointBreakTheChain() {
        purgeThrough(4, true);
        table.remove(5L);

        assertBroken(verifier.verify(List.of()), 1, "entries 1 to 5 are missing");
    }

    @Test
    void whatThePurgeIsAboutToDeleteIsCheckedFirst() {
        ChainStart start = verifier.start();
        assertTrue(verifier.brokenWithin(start, List.of(table.get(1L), table.get(2L)))
                .isEmpty());
        assertEquals(
                "entry 2 is missing",
                verifier.brokenWithin(start, List.of(table.get(1L), table.get(3L)))
                        .orElseThrow());
        AuditEntry edited = entry(2, "edited", table.get(1L).hash());
        AuditEntry forged = new AuditEntry(
                2, AT, ActorType.SYSTEM, "it", "it.row", "row", "other", edited.previousHash(), edited.hash());
        assertTrue(verifier.brokenWithin(start, List.of(table.get(1L), forged))
                .orElseThrow()
                .contains("content does not match its hash"));
    }

    private static AuditEntry reseq(AuditEntry e, long seq) {
        return new AuditEntry(
                seq,
                e.occurredAt(),
                e.actorType(),
                e.actor(),
                e.action(),
                e.subject(),
                e.details(),
                e.previousHash(),
                e.hash());
    }

    private static void assertBroken(ChainVerification result, long seq, String problem) {
        assertFalse(result.intact(), result.toString());
        assertEquals(seq, result.firstBrokenSeq(), result.toString());
        assertTrue(result.problem().contains(problem), result.toString());
    }
}
