package io.afterhours.simulator.control;

import io.afterhours.hours.entity.SessionType;
import java.time.Instant;
import java.util.Set;

/**
 * A temporary user-level protected account as the bridge creates it (bridge-api.md): inside {@code start}–{@code
 * end} it authorises the whole day for {@code sessionTypes}, and nothing else.
 */
public record TemporaryAccount(
        String accountKey,
        String account,
        String userLockId,
        Instant start,
        Instant end,
        Set<SessionType> sessionTypes) {

    /** Whether the account is in force at {@code at}: UserLock reads StartDate inclusive and EndDate exclusive. */
    public boolean inForce(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
