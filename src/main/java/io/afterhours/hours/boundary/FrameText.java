package io.afterhours.hours.boundary;

import java.util.Set;

/**
 * One time frame as a form shows and sends it: weekday ({@code MONDAY}…), start and end as {@code HH:mm}, and the
 * session type names. Text on purpose: what an administrator typed is checked by the boundary, not trusted.
 */
public record FrameText(String weekday, String start, String end, Set<String> sessionTypes) {}
