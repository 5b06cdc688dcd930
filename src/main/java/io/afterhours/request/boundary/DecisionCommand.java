package io.afterhours.request.boundary;

import java.time.Instant;

/**
 * A decision as the approver made it: approve the window {@code start}–{@code end} (the requested one, or less), or
 * deny with a {@code note} saying why.
 */
public record DecisionCommand(long requestId, boolean approve, Instant start, Instant end, String note) {

    public static DecisionCommand approve(long requestId, Instant start, Instant end) {
        return new DecisionCommand(requestId, true, start, end, null);
    }

    public static DecisionCommand deny(long requestId, String reason) {
        return new DecisionCommand(requestId, false, null, null, reason);
    }
}
