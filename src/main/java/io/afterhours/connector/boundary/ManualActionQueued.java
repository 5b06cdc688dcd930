package io.afterhours.connector.boundary;

import java.util.List;

/**
 * Fired in manual mode in the transaction that queues an action: the administrators are mailed {@code commands} (the
 * exact lines from ManualCommands) and a link to confirm the outcome.
 */
public record ManualActionQueued(
        long actionId, String type, String account, String accountKey, List<Long> requestIds, List<String> commands) {}
