package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IDs entered on the UserLock IDs page: the current one, the outgoing one during its overlap, and after it. */
class UserLockIdRotationTest {

    static final String PINNED = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String OLD = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    static final String NEW = "d9428888-122b-11e1-b85c-61cd3cbb3210";
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theOutgoingIdIsAcceptedAsPreviousUntilTheOverlapEndsThenRefused() {
        Hands hands = new Hands();
        UserLockIdWhitelist whitelist = UserLockIdWhitelistTest.whitelist(PINNED, null, null);
        whitelist.clock = hands;
        whitelist.use(List.of(managed(1, OLD, T0.plus(Duration.ofMinutes(10))), managed(2, NEW, null)));

        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(NEW), "the new ID is the slot's");
        assertEquals(Optional.of(ServerSlot.PREVIOUS), whitelist.match("{" + OLD.toUpperCase() + "}"));
        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(PINNED), "the pinned ID stays accepted");

        hands.now = T0.plus(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), whitelist.match(OLD), "refused from the end of the overlap on");
        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(NEW));
        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(PINNED));
    }

    @Test
    void portalIdsAloneMakeTheWhitelistConfigured() {
        UserLockIdWhitelist whitelist = UserLockIdWhitelistTest.whitelist(null, null, null);
        assertFalse(whitelist.isConfigured());

        whitelist.use(List.of(managed(7, NEW, null)));

        assertTrue(whitelist.isConfigured());
        assertEquals(Optional.of(ServerSlot.PRIMARY), whitelist.match(NEW));
    }

    @Test
    void lastSeenIsKeptInMemoryPerIdAndMovesAtMostOncePerSecond() {
        Hands hands = new Hands();
        UserLockIdWhitelist whitelist = UserLockIdWhitelistTest.whitelist(PINNED, null, null);
        whitelist.clock = hands;
        whitelist.use(List.of(managed(3, NEW, null)));
        assertEquals(Optional.empty(), whitelist.lastSeen(3));

        whitelist.match(NEW);
        hands.now = T0.plusMillis(500);
        whitelist.match(NEW);
        assertEquals(Optional.of(T0), whitelist.lastSeen(3), "not rewritten within the second");

        hands.now = T0.plusSeconds(5);
        whitelist.match(NEW);
        whitelist.match(PINNED);
        whitelist.match("00000000-0000-4000-8000-000000000000");
        assertEquals(Optional.of(T0.plusSeconds(5)), whitelist.lastSeen(3));
        assertEquals(Optional.of(T0.plusSeconds(5)), whitelist.lastSeen(ServerSlot.PRIMARY));
        assertEquals(Optional.empty(), whitelist.lastSeen(ServerSlot.BACKUP));
    }

    @Test
    void storedFormIsTheDigestOfTheNormalisedIdAndAFourCharacterHint() {
        assertEquals(UserLockIdWhitelist.digestHex(NEW), UserLockIdWhitelist.digestHex("{" + NEW.toUpperCase() + "}"));
        assertEquals(64, UserLockIdWhitelist.digestHex(NEW).length());
        assertFalse(UserLockIdWhitelist.digestHex(NEW).contains(NEW.substring(0, 8)));
        assertEquals("3210", UserLockIdWhitelist.hint("{" + NEW.toUpperCase() + "}"));
        assertTrue(UserLockIdWhitelist.looksLikeGuid("{" + NEW.toUpperCase() + "}"));
        assertFalse(UserLockIdWhitelist.looksLikeGuid("ULSRV01"));
    }

    @Test
    void isConfiguredIdComparesOnlyThePinnedIdsAndRecordsNothing() {
        UserLockIdWhitelist whitelist = UserLockIdWhitelistTest.whitelist(PINNED, null, null);
        whitelist.use(List.of(managed(4, NEW, null)));

        assertTrue(whitelist.isConfiguredId(PINNED.toUpperCase()));
        assertFalse(whitelist.isConfiguredId(NEW));
        assertEquals(Optional.empty(), whitelist.lastSeen(ServerSlot.PRIMARY));
    }

    private static UserLockIdWhitelist.Managed managed(long id, String guid, Instant retiresAt) {
        return new UserLockIdWhitelist.Managed(
                id, ServerSlot.PRIMARY, HexFormat.of().parseHex(UserLockIdWhitelist.digestHex(guid)), retiresAt);
    }
}
