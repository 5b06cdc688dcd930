package io.afterhours.intake.entity;

/** What intake concluded about a notification; requests are opened only for {@link #OUT_OF_HOURS_DENIAL}. */
public enum Classification {
    /** Denied by UserLock at a time outside the working-hours policy: the case Afterhours exists for. */
    OUT_OF_HOURS_DENIAL,
    /** Denied by UserLock inside working hours: some other rule (machine, session count, quota...) refused it. */
    IN_HOURS_DENIAL,
    /** Denied by Active Directory. */
    AD_DENIAL,
    /** Logon, logoff, lock, unlock and friends; kept for usage tracking. */
    SESSION_EVENT,
    /** Unknown or missing event type. */
    UNKNOWN_EVENT
}
