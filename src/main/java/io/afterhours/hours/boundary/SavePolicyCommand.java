package io.afterhours.hours.boundary;

import java.util.List;

/**
 * Create (no id) or change a working-hours policy. {@code version} is the one the administrator started editing from;
 * a different stored version means someone else saved first. {@code group} null or blank means the default policy,
 * which can only be changed, never created.
 */
public record SavePolicyCommand(
        Long id, long version, String name, String group, int priority, String zone, List<FrameText> frames) {}
