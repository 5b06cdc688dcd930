package io.afterhours.intake.control;

/**
 * Which configured UserLock ID a notification carried. It names the sending server without revealing the ID, so it
 * is what metrics, logs and stored rows record.
 */
public enum ServerSlot {
    PRIMARY,
    BACKUP,
    PREVIOUS;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
