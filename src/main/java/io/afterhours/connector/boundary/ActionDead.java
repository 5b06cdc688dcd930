package io.afterhours.connector.boundary;

import java.util.List;

/**
 * An action was given up after the retry limit (or a failure the bridge called final): administrators are alerted.
 * Fired synchronously inside the transaction that marked it DEAD.
 */
public record ActionDead(
        long actionId,
        String type,
        String account,
        String accountKey,
        List<Long> requestIds,
        int attempts,
        String error) {}
