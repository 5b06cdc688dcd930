package io.afterhours.audit.boundary;

import io.afterhours.audit.entity.ActorType;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

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

    /** The chain and the newest anchor on file. */
    public ChainVerification run() {
        allowed();
        return recorded(auditLog.verify(), "audit.verified", null);
    }

    /** The chain, the newest anchor on file and an anchor the caller pasted (from a digest mail or a SIEM). */
    public ChainVerification run(Anchor pasted) {
        allowed();
        return recorded(auditLog.verify(pasted), "audit.anchor-checked", pasted);
    }

    /** The newest anchor this instance wrote for the current chain, shown next to the result. */
    public Optional<Anchor> newestAnchor() {
        allowed();
        return auditLog.newestAnchor();
    }

    private void allowed() {
        if (!security.isCallerInRole(Roles.ADMINISTRATOR) && !security.isCallerInRole(Roles.AUDITOR)) {
            throw new AccessRefused("audit chain check");
        }
    }

    private ChainVerification recorded(ChainVerification result, String action, Anchor pasted) {
        String against = pasted == null ? "" : "anchor " + pasted.seq() + "/" + pasted.hash() + ": ";
        auditLog.append(new AuditRecord(
                ActorType.PERSON,
                security.getCallerPrincipal().getName(),
                action,
                "audit",
                against
                        + (result.intact()
                                ? "intact, " + result.entriesChecked() + " entries"
                                : "BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem())));
        return result;
    }
}
