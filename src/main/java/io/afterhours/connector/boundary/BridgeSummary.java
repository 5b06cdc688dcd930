package io.afterhours.connector.boundary;

import java.time.Instant;

/** A bridge that called: when last, and its last inventory (epoch: none yet). */
public record BridgeSummary(String name, Instant lastSeen, Instant inventoryAt, int inventoryCount) {}
