package io.afterhours.audit.boundary;

import io.afterhours.audit.entity.ActorType;

/** What a feature asks the audit log to record; the log adds the time, sequence number and hashes. */
public record AuditRecord(ActorType actorType, String actor, String action, String subject, String details) {

    public static AuditRecord system(String component, String action, String subject, String details) {
        return new AuditRecord(ActorType.SYSTEM, component, action, subject, details);
    }
}
