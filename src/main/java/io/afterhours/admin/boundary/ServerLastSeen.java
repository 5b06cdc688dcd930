package io.afterhours.admin.boundary;

import java.time.Instant;

/**
 * The newest notification stored from one UserLock server slot (Primary, Backup, the previous ID during a rotation),
 * the server that sent it, and how many that slot sent in the last 24 hours. {@code lastNotification} is null: never.
 */
public record ServerLastSeen(String slot, String server, Instant lastNotification, long lastDay) {}
