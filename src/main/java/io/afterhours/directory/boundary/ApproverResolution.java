package io.afterhours.directory.boundary;

import java.util.Optional;

/**
 * Who should decide a person's requests. Either a person (their line manager, or the first enabled manager above a
 * disabled one) or, when the directory gives no usable manager, the configured fallback approver group, with the
 * reason so the portal and the audit can say why.
 */
public record ApproverResolution(Optional<DirectoryPerson> approver, String fallbackGroup, Reason reason) {

    public enum Reason {
        LINE_MANAGER,
        /** The line manager's account is disabled; the first enabled manager above them decides. */
        MANAGER_DISABLED_ESCALATED,
        NO_MANAGER,
        MANAGER_NOT_FOUND,
        MANAGER_IS_SELF,
        MANAGER_LOOP,
        /** Every manager up the chain is disabled. */
        NO_ENABLED_MANAGER
    }

    public boolean usesFallback() {
        return approver.isEmpty();
    }
}
