package io.afterhours.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.audit.entity.ActorType;
import io.afterhours.audit.entity.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit chain's hash: any change to an entry, or to its predecessor, must change it. */
class AuditHashingTest {

    private static final String PREVIOUS = "ab".repeat(32);
    private static final Instant AT = Instant.parse("2024-03-05T20:47:30.123456Z");

    private static String base() {
        return AuditHashing.hash(
                PREVIOUS,
                42,
                AT,
                ActorType.SYSTEM,
                "intake",
                "webhook.rejected",
                "userlock-webhook",
                "unauthenticated=3");
    }

    @Test
    void hashIsDeterministicLowerCaseHex() {
        String first = base();
        String second = base();

        assertEquals(first, second);
        assertTrue(first.matches("[0-9a-f]{64}"), first);
    }

    @Test
    void anEntryHashesToTheHashOfItsStoredFields() {
        AuditEntry entry = new AuditEntry(
                42,
                AT,
                ActorType.SYSTEM,
                "intake",
                "webhook.rejected",
                "userlock-webhook",
                "unauthenticated=3",
                PREVIOUS,
                "not checked here");

        assertEquals(base(), AuditHashing.of(entry));
    }

    @Test
    void genesisIsSixtyFourZeros() {
        assertEquals("0".repeat(64), AuditHashing.GENESIS);
    }

    @Test
    void canonicalFormIsLengthPrefixedFieldsInOrder() throws NoSuchAlgorithmException {
        // Frozen: stored chains are verified against this exact form, so a change here breaks every existing chain.
        String canonical = "64:" + PREVIOUS + "|2:42|27:2024-03-05T20:47:30.123456Z|6:SYSTEM|6:intake|"
                + "16:webhook.rejected|16:userlock-webhook|17:unauthenticated=3|";
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, base());
    }

    static Stream<Arguments> changedEntries() {
        return Stream.of(
                Arguments.of(
                        "previous hash",
                        AuditHashing.hash(
                                "ac".repeat(32),
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=3")),
                Arguments.of(
                        "sequence",
                        AuditHashing.hash(
                                PREVIOUS,
                                43,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=3")),
                Arguments.of(
                        "time by a microsecond",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT.plusNanos(1_000),
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=3")),
                Arguments.of(
                        "actor type",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.PERSON,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=3")),
                Arguments.of(
                        "actor",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intakE",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=3")),
                Arguments.of(
                        "action",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.accepted",
                                "userlock-webhook",
                                "unauthenticated=3")),
                Arguments.of(
                        "subject",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook2",
                                "unauthenticated=3")),
                Arguments.of(
                        "details",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=4")),
                Arguments.of(
                        "details removed",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                null)),
                Arguments.of(
                        "trailing space",
                        AuditHashing.hash(
                                PREVIOUS,
                                42,
                                AT,
                                ActorType.SYSTEM,
                                "intake",
                                "webhook.rejected",
                                "userlock-webhook",
                                "unauthenticated=3 ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedEntries")
    void changingAnyFieldChangesTheHash(String what, String changed) {
        assertNotEquals(base(), changed);
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        String original = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "ab", "c", "s", "d");
        String moved = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a", "bc", "s", "d");

        assertNotEquals(original, moved);
    }

    @Test
    void separatorInsideAFieldCannotFakeAFieldBoundary() {
        String original = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a", "b", "s", "d");
        String forged = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a|1:b", "", "s", "d");

        assertNotEquals(original, forged);
    }

    @Test
    void nullAndEmptyDiffer() {
        String withNull = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a", "b", null, "d");
        String withEmpty = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a", "b", "", "d");

        assertNotEquals(withNull, withEmpty);
    }

    @Test
    void nullInDifferentFieldsDiffers() {
        String subjectNull = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a", "b", null, "d");
        String detailsNull = AuditHashing.hash(PREVIOUS, 1, AT, ActorType.PERSON, "a", "b", "d", null);

        assertNotEquals(subjectNull, detailsNull);
    }

    private static final String GUID = "5f0c4c1e-1111-4222-8333-944455556666";

    private static AuditEntry entry(Long requestId, String guid, String account) {
        return new AuditEntry(
                42,
                AT,
                ActorType.SYSTEM,
                "intake",
                "webhook.rejected",
                "userlock-webhook",
                "unauthenticated=3",
                PREVIOUS,
                requestId,
                guid,
                account);
    }

    @Test
    void anEntryAboutNoOneKeepsThePreV14Hash() {
        // Entries written before V14 have none of the new columns: their stored hashes must still verify.
        assertEquals(base(), AuditHashing.of(entry(null, null, null)));
        AuditEntry legacy = new AuditEntry(
                42,
                AT,
                ActorType.SYSTEM,
                "intake",
                "webhook.rejected",
                "userlock-webhook",
                "unauthenticated=3",
                PREVIOUS,
                base());
        assertEquals(legacy.hash(), AuditHashing.of(legacy));
    }

    @Test
    void concerningFieldsAreAppendedLengthPrefixedAfterTheOldForm() throws NoSuchAlgorithmException {
        String canonical = "64:" + PREVIOUS + "|2:42|27:2024-03-05T20:47:30.123456Z|6:SYSTEM|6:intake|"
                + "16:webhook.rejected|16:userlock-webhook|17:unauthenticated=3|2:17|36:" + GUID + "|7:zmartin|";
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, AuditHashing.of(entry(17L, GUID, "zmartin")));
    }

    static Stream<Arguments> concerningEdits() {
        return Stream.of(
                Arguments.of("request added", entry(17L, null, null)),
                Arguments.of("person added", entry(null, GUID, null)),
                Arguments.of("account added", entry(null, null, "zmartin")),
                Arguments.of("request changed", entry(18L, GUID, "zmartin")),
                Arguments.of("person changed", entry(17L, GUID.replace('6', '7'), "zmartin")),
                Arguments.of("account changed", entry(17L, GUID, "zmartim")),
                Arguments.of("account removed", entry(17L, GUID, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("concerningEdits")
    void editingWhomOrWhichRequestAnEntryConcernsChangesTheHash(String what, AuditEntry edited) {
        String original = AuditHashing.of(entry(17L, GUID, "zmartin"));

        assertNotEquals(original, AuditHashing.of(edited));
        assertNotEquals(base(), AuditHashing.of(edited));
    }

    @Test
    void anEntryIsSealedOnce() {
        AuditEntry fresh = entry(17L, GUID, "zmartin");
        fresh.seal(AuditHashing.of(fresh));

        assertEquals(AuditHashing.of(fresh), fresh.hash());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> fresh.seal("x"));
    }
}
