package io.afterhours.hours.boundary;

import java.util.List;

/** A working-hours policy for the administrators' page: its fields, its hours as text, and its frames to edit. */
public record PolicySummary(
        long id,
        long version,
        String name,
        String group,
        int priority,
        String zone,
        String hours,
        List<FrameText> frames) {

    public boolean isDefault() {
        return group == null;
    }
}
