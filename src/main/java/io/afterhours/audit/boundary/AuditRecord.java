package io.afterhours.audit.boundary;

import io.afterhours.audit.entity.ActorType;

/**
 * What a feature asks the audit log to record; the log adds the time, sequence number and hashes. {@code concerning}
 * (optional, see {@link #about}) names the person and request the entry is about.
 */
public record AuditRecord(
        ActorType actorType, String actor, String action, String subject, String details, Concerning concerning) {

    /** An entry about no particular person or request. */
    public AuditRecord(ActorType actorType, String actor, String action, String subject, String details) {
        this(actorType, actor, action, subject, details, null);
    }

    public static AuditRecord system(String component, String action, String subject, String details) {
        return new AuditRecord(ActorType.SYSTEM, component, action, subject, details);
    }

    /** The same record, saying whom and which request it concerns. */
    public AuditRecord about(Concerning about) {
        return new AuditRecord(actorType, actor, action, subject, details, about);
    }
}
