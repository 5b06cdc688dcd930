package io.afterhours.audit.boundary;

import io.afterhours.audit.entity.ActorType;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Checks the audit history's hash chain on a person's request (administrators and auditors only) and records that
 * it was checked and what was found, so a check is itself part of the history.
 */
@ApplicationScoped
public class ChainCheck {

    @Inject
    AuditLog auditLog;

    @Inject
    SecurityContext security;

    public ChainVerification run() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) && !security.isCallerInRole(Roles.AUDITOR)) {
            throw new AccessRefused("audit chain check");
        }
        ChainVerification result = auditLog.verify();
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                security.getCallerPrincipal().getName(),
                "audit.verified",
                "audit",
                result.intact()
                        ? "intact, " + result.entriesChecked() + " entries"
                        : "BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem()));
        return result;
    }
}
