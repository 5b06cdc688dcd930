package io.afterhours.request.boundary;

import java.time.Instant;

/** A window UserLock should hold for a person: a live (granted, or failed to apply) request's. */
public record GrantedWindow(long requestId, String account, Instant start, Instant end, String sessionTypes) {}
