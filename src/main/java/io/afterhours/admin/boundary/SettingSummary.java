package io.afterhours.admin.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One setting as the Settings page shows it: the effective value and where it comes from. {@code changedBy} and
 * {@code changedAt} are set only for {@link Source#SAVED}; {@code version} is the saved row's (0 without one).
 */
public record SettingSummary(
        String key,
        String group,
        String kind,
        List<String> choices,
        String value,
        String defaultValue,
        Source source,
        String pinnedBy,
        String changedBy,
        Instant changedAt,
        long version) {

    /** Where the effective value comes from, strongest first. */
    public enum Source {
        /** An environment variable, a system property or another operator source: edit it there. */
        PINNED,
        /** Saved in the portal by an administrator. */
        SAVED,
        /** The default shipped in microprofile-config.properties. */
        DEFAULT
    }

    public boolean pinned() {
        return source == Source.PINNED;
    }

    public boolean saved() {
        return source == Source.SAVED;
    }
}
