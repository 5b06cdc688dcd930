package io.afterhours.intake.boundary;

import java.time.Instant;

/**
 * One accepted UserLock ID as the page shows it: never the ID, only its last four characters. {@code addedBy} and
 * {@code addedAt} are absent for a pinned ID; {@code retiresAt} is set only for an outgoing one.
 */
public record UserLockIdSummary(
        String slot, String hint, State state, String addedBy, Instant addedAt, Instant retiresAt, Instant lastSeen) {

    public enum State {
        /** From the environment: accepted until the operator removes it there. */
        PINNED,
        /** Entered in the portal, the slot's current ID. */
        CURRENT,
        /** Replaced in a rotation, still accepted until {@code retiresAt}. */
        OUTGOING
    }
}
