package io.afterhours.admin.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * Fired in the transaction that changed a setting, before its audit entry is written; the cache reloads once it
 * commits. A feature that must act on the change in that same transaction (the connector mode hands its queued
 * actions over) observes it synchronously and reports what it did with {@link #effect}: the audit entry and the page
 * carry it. {@code before} and {@code after} are the effective values.
 */
public record SettingsChanged(String key, String before, String after, List<Effect> effects) {

    /** What a change did besides the change itself: {@code note} for the audit, {@code message} for the page. */
    public record Effect(String note, String message) {}

    public SettingsChanged(String key, String before, String after) {
        this(key, before, after, new ArrayList<>());
    }

    /** Records what an observer did because of this change (observers only, in the changing transaction). */
    public void effect(String note, String message) {
        effects.add(new Effect(note, message));
    }
}
