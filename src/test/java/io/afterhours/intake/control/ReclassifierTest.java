package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.intake.control.Reclassifier.HandOver;
import io.afterhours.intake.control.Reclassifier.Outcome;
import io.afterhours.intake.control.Reclassifier.Stored;
import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What reclassifying writes for one stored notification: new mapped values, kept request links, safe hand-overs. */
class ReclassifierTest {

    private static final Instant NOW = Instant.parse("2026-03-10T21:00:00Z");
    private static final Duration USEFUL = Duration.ofHours(8);
    private static final Instant RECENT = NOW.minus(Duration.ofMinutes(10));
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(3));

    @Test
    void anUnmappedDenialThatGainsItsUserGoesBackToTheRequestWorkerWhileARequestIsStillUseful() {
        Stored old = stored(null, false, "DENIED_BY_USERLOCK", "OUT_OF_HOURS_DENIAL", null, RECENT);

        Outcome outcome =
                Reclassifier.judge(old, fresh("jdoe", Classification.OUT_OF_HOURS_DENIAL, RECENT), NOW, USEFUL);

        assertTrue(outcome.changed());
        assertTrue(outcome.newlyMapped());
        assertFalse(outcome.newlyOutOfHours(), "it was out of hours already");
        assertEquals(HandOver.AGAIN, outcome.handOver());
        assertEquals(Classification.OUT_OF_HOURS_DENIAL, outcome.classification());
    }

    @Test
    void anOldDenialThatGainsItsUserDoesNotBecomeARequestForThePast() {
        Stored looked = stored(null, false, "DENIED_BY_USERLOCK", "OUT_OF_HOURS_DENIAL", null, LONG_AGO);
        assertEquals(
                HandOver.KEEP,
                Reclassifier.judge(looked, fresh("jdoe", Classification.OUT_OF_HOURS_DENIAL, LONG_AGO), NOW, USEFUL)
                        .handOver());

        Stored wasSession = stored(null, false, "LOGON", "SESSION_EVENT", null, null);
        Outcome outcome = Reclassifier.judge(
                wasSession, fresh("jdoe", Classification.OUT_OF_HOURS_DENIAL, LONG_AGO), NOW, USEFUL);
        assertEquals(HandOver.CLOSED, outcome.handOver(), "marked as looked at, so the worker never claims it");
        assertTrue(outcome.newlyOutOfHours());
    }

    @Test
    void aNewlyOutOfHoursRecentDenialIsLeftForTheWorkerWhoseClaimTakesUncheckedDenials() {
        Stored old = stored("jdoe", true, "LOGON", "SESSION_EVENT", null, null);

        Outcome outcome =
                Reclassifier.judge(old, fresh("jdoe", Classification.OUT_OF_HOURS_DENIAL, RECENT), NOW, USEFUL);

        assertEquals(HandOver.KEEP, outcome.handOver(), "request_checked_at is NULL already");
        assertTrue(outcome.newlyOutOfHours());
        assertFalse(outcome.newlyMapped());
    }

    @Test
    void aDenialLinkedToARequestKeepsItsLinkAndTheWorkersFinalClassification() {
        Stored old = new Stored(
                1,
                null,
                null,
                "PC-1",
                null,
                null,
                null,
                null,
                false,
                "Login",
                "DENIED_BY_USERLOCK",
                "IN_HOURS_DENIAL",
                42L,
                RECENT);

        Outcome outcome =
                Reclassifier.judge(old, fresh("jdoe", Classification.OUT_OF_HOURS_DENIAL, RECENT), NOW, USEFUL);

        assertEquals(HandOver.KEEP, outcome.handOver());
        assertEquals(Classification.IN_HOURS_DENIAL, outcome.classification(), "the person's own policy decided");
        assertFalse(outcome.newlyOutOfHours());
        assertTrue(outcome.changed(), "the user is new");
    }

    @Test
    void nothingNewIsNoChange() {
        Stored old = new Stored(
                1, "jdoe", "CORP", "PC-1", null, null, null, null, true, "", "LOGON", "SESSION_EVENT", null, null);
        IncomingNotification same = fresh("jdoe", Classification.SESSION_EVENT, RECENT);

        Outcome outcome = Reclassifier.judge(old, same, NOW, USEFUL);

        assertFalse(outcome.changed());
        assertFalse(outcome.newlyMapped());
        assertFalse(outcome.usageAgain());
        assertEquals(HandOver.KEEP, outcome.handOver());
    }

    @Test
    void aLogonThatGainsItsUserIsHandedToTheUsageWorkerAgain() {
        Stored old = stored(null, false, "LOGON", "SESSION_EVENT", null, null);

        Outcome outcome = Reclassifier.judge(old, fresh("jdoe", Classification.SESSION_EVENT, RECENT), NOW, USEFUL);

        assertTrue(outcome.usageAgain());
        assertEquals(HandOver.KEEP, outcome.handOver());
    }

    private static Stored stored(
            String user, boolean mapped, String category, String classification, Long request, Instant checked) {
        return new Stored(
                1,
                user,
                null,
                "PC-1",
                null,
                null,
                null,
                null,
                mapped,
                null,
                category,
                classification,
                request,
                checked);
    }

    private static IncomingNotification fresh(String user, Classification classification, Instant at) {
        EventCategory category = switch (classification) {
            case OUT_OF_HOURS_DENIAL, IN_HOURS_DENIAL -> EventCategory.DENIED_BY_USERLOCK;
            case AD_DENIAL -> EventCategory.DENIED_BY_AD;
            case UNKNOWN_EVENT -> EventCategory.UNKNOWN;
            default -> EventCategory.LOGON;
        };
        return new IncomingNotification(
                "key",
                at,
                at,
                at.toString(),
                TimeQuality.OK,
                4,
                category,
                classification,
                user != null,
                ServerSlot.PRIMARY,
                null,
                null,
                user,
                user == null ? null : "CORP",
                "PC-1",
                null,
                null,
                null,
                null,
                "",
                "{}");
    }
}
