package io.afterhours.intake.entity;

/** What kind of session event a UserLock {@code EventType} code stands for (userlock.md 1.3). */
public enum EventCategory {
    LOGON,
    LOGOFF,
    LOCK,
    UNLOCK,
    RECONNECTION,
    DISCONNECTION,
    /** Refused by UserLock's own rules: the only kind that can become an extension request. */
    DENIED_BY_USERLOCK,
    /** Refused by Active Directory (wrong password, disabled account...): not ours to extend. */
    DENIED_BY_AD,
    /** A code the configured table does not know, or no code at all: stored, never acted on. */
    UNKNOWN
}
