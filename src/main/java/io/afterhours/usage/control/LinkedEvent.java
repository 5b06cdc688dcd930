package io.afterhours.usage.control;

import java.time.Instant;

/** A logon or logoff linked to a granted window (a row of {@code extension_usage_event}). */
public record LinkedEvent(boolean logon, Instant at, String computer, String clientAddress, String sessionId) {}
