package io.afterhours.hours.boundary;

/** Fired when an administrator changed a working-hours policy; the cache reloads once the change is committed. */
public record PoliciesChanged() {}
