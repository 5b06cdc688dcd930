package io.afterhours.usage.boundary;

import java.time.Duration;
import java.time.Instant;

/** One granted window's usage, flat, for exports (CSV). Times are instants; a null first logon: none in the window. */
public record UsageRow(
        long requestId,
        String account,
        Instant windowStart,
        Instant windowEnd,
        boolean used,
        Instant firstLogon,
        Duration total,
        int sessions,
        boolean stillLoggedOnAtEnd) {}
