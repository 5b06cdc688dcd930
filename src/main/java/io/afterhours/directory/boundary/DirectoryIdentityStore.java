package io.afterhours.directory.boundary;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.audit.entity.ActorType;
import io.afterhours.platform.control.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs people in against the directory (Active Directory or the demo directory): find the account by name (escaped
 * filter), refuse disabled accounts, bind as the person to check the password, and hand Jakarta Security the portal
 * roles as groups. Every sign-in and failed sign-in is audited. A directory outage is noted in {@link SignInAttempt}
 * so the sign-in page can say so instead of "wrong password".
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(DirectoryIdentityStore.class.getName());

    @Inject
    Directory directory;

    @Inject
    AuditLog auditLog;

    @Inject
    SignInAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)
                || login.getCaller() == null
                || login.getCaller().isBlank()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String account = login.getCaller().strip();
        try {
            return validate(account, login.getPasswordAsString());
        } catch (DirectoryUnavailable e) {
            attempt.markDirectoryUnavailable();
            LOG.warning(() -> "Sign-in of " + LogSafe.of(account) + " refused: " + e.getMessage());
            audit(account, "signin.failed", "directory unavailable");
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    private CredentialValidationResult validate(String account, String password) {
        Optional<DirectoryPerson> person = directory.findByAccount(account);
        if (person.isEmpty() || person.get().disabled() || !directory.passwordMatches(person.get(), password)) {
            audit(
                    account,
                    "signin.failed",
                    person.map(p -> p.disabled() ? "account disabled" : "wrong password")
                            .orElse("unknown account"));
            return CredentialValidationResult.INVALID_RESULT;
        }
        DirectoryPerson who = person.get();
        java.util.Set<String> roles = directory.rolesOf(who);
        audit(who.account(), "signin.succeeded", "roles " + roles);
        return new CredentialValidationResult(who.account(), roles);
    }

    private void audit(String actor, String action, String details) {
        try {
            auditLog.append(new AuditRecord(ActorType.PERSON, actor, action, "portal", details));
        } catch (RuntimeException e) {
            // A sign-in must not fail because the audit could not be written; the log line keeps the trace.
            LOG.warning(() -> "Could not audit " + action + " for " + LogSafe.of(actor) + ": " + e);
        }
    }
}
