package io.afterhours.admin.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * What the health page shows and the checks and gauges report, read at {@code at}. Ages are null when there is
 * nothing waiting; {@code bridgeLastSeen} is null when no bridge ever called.
 */
public record HealthFacts(
        Instant at,
        long outboxDepth,
        Duration outboxOldest,
        long outboxDead,
        long actionDepth,
        Duration actionOldest,
        long actionDead,
        boolean bridgeMode,
        Instant bridgeLastSeen) {

    public Duration bridgeSilence() {
        return bridgeLastSeen == null ? null : Duration.between(bridgeLastSeen, at);
    }
}
