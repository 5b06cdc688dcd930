package io.afterhours.audit.web;

import io.afterhours.platform.web.BundleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * An audit action as people read it ("Approved" for {@code request.approved}). The code stays what the history is
 * filtered and exported by; an action without a label in the bundle shows its code.
 */
@Named
@ApplicationScoped
public class AuditActionLabels {

    public String of(String action) {
        return action == null ? "" : BundleText.labelOr("auditAction." + action, action);
    }
}
