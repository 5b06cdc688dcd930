package io.afterhours.retention.boundary;

/**
 * What a purge deleted: closed requests (each with its denials, decision, timers, usage rows, decision-link uses and
 * mails), stored notifications, other sent or dead mails, finished UserLock actions and ended temporary accounts, and
 * the oldest audit entries (behind a checkpoint).
 */
public record PurgeCounts(int requests, int notifications, int mails, int userLockRows, int auditEntries) {

    public static final PurgeCounts NONE = new PurgeCounts(0, 0, 0, 0, 0);

    /** A batch of personal data other than the audit history. */
    public PurgeCounts(int requests, int notifications, int mails, int userLockRows) {
        this(requests, notifications, mails, userLockRows, 0);
    }

    public static PurgeCounts audit(int entries) {
        return new PurgeCounts(0, 0, 0, 0, entries);
    }

    public PurgeCounts plus(PurgeCounts other) {
        return new PurgeCounts(
                requests + other.requests,
                notifications + other.notifications,
                mails + other.mails,
                userLockRows + other.userLockRows,
                auditEntries + other.auditEntries);
    }

    public int total() {
        return requests + notifications + mails + userLockRows;
    }

    /** Whether any kind filled its batch, so more may be waiting. */
    public boolean anyReached(int max) {
        return requests >= max || notifications >= max || mails >= max || userLockRows >= max || auditEntries >= max;
    }
}
