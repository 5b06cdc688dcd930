package io.afterhours.usage.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a granted window was used, as of {@code asOf}: the sessions inside it, clipped to the window, and their total.
 * {@code started}: the window has begun (before that nothing can be said). {@code firstLogon} is null when the only
 * session began before the window. {@code stillLoggedOnAtEnd}: a session was open when the window ended;
 * {@code loggedOnNow}: one is open while the window still runs.
 */
public record UsageSummary(
        long requestId,
        Instant windowStart,
        Instant windowEnd,
        Instant asOf,
        boolean started,
        boolean used,
        Instant firstLogon,
        Duration total,
        boolean stillLoggedOnAtEnd,
        boolean loggedOnNow,
        List<UsedSession> sessions) {

    /**
     * One session: where, its logon (null: before the window) and logoff (null: still open, or after the window),
     * the time counted inside the window, and whether it was open when the window ended.
     */
    public record UsedSession(
            String computer,
            String clientAddress,
            String sessionId,
            Instant logon,
            Instant logoff,
            Duration counted,
            boolean openAtEnd) {}
}
