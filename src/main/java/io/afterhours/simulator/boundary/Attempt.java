package io.afterhours.simulator.boundary;

import io.afterhours.simulator.control.Verdict;
import java.time.Instant;

/** What a simulated logon (or logoff) did: the verdict and whether the portal took the notification. */
public record Attempt(
        String account, Instant at, String sessionType, Verdict verdict, int eventType, String delivery) {}
