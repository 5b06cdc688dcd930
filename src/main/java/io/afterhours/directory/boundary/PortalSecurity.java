package io.afterhours.directory.boundary;

import io.afterhours.platform.boundary.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * Sign-in for the portal: a Faces form ({@code login.xhtml}, {@code SignInView}) validated by
 * {@link DirectoryIdentityStore}. A visitor who is not signed in and asks for a protected page gets the form in its
 * place (forwarded, not redirected, so it passes through the filters that set the security headers, and the form
 * knows which page to return to). Which URLs need which role is in {@code web.xml}.
 *
 * <p>Why not {@code @CustomFormAuthenticationMechanismDefinition}: its auto-applied session hands Payara only the
 * caller principal on later requests, and Payara recovers the groups from a thread-bound security context that,
 * under concurrent requests, can be empty (payara/Payara#6145, open for Payara 6): a manager or administrator got
 * an occasional 403 and {@code isCallerInRole} an occasional false. This mechanism keeps the caller's name and
 * groups in the HTTP session itself and hands both over on every request.
 */
@DeclareRoles({Roles.EMPLOYEE, Roles.MANAGER, Roles.ADMINISTRATOR, Roles.AUDITOR})
@ApplicationScoped
public class PortalSecurity implements HttpAuthenticationMechanism {

    static final String CALLER = "afterhours.session.caller";
    private static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    /** Who signed in on this session, with the groups the directory gave them then. */
    record SignedIn(String name, Set<String> groups) implements Serializable {}

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SignedIn caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return context.forward(LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedIn caller = new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        request.getSession().setAttribute(CALLER, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
