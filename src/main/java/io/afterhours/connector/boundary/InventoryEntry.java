package io.afterhours.connector.boundary;

import java.time.Instant;

/** One temporary protected account a bridge found in UserLock. */
public record InventoryEntry(String account, String accountKey, String userLockId, Instant start, Instant end) {}
