package io.afterhours.connector.boundary;

/**
 * A difference between what the portal applied and what the bridges' last inventories found: MISSING (applied, not
 * in UserLock), CHANGED (other dates in UserLock), UNKNOWN (an AH- account the portal does not know).
 */
public record Drift(String kind, String account, String accountKey, String expected, String found) {}
