package io.afterhours.directory.web;

import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import io.afterhours.directory.boundary.SignInAttempt;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** The sign-in form ({@code login.xhtml}) and sign-out. */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SecurityContext securityContext;

    @Inject
    Directory directory;

    @Inject
    FacesContext faces;

    @Inject
    SignInAttempt attempt;

    private String account;
    private String password;
    private String returnTo;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // A new session id before the signed-in state is bound to it: a planted id never becomes a signed-in one.
        request.changeSessionId();
        AuthenticationStatus status;
        try {
            status = securityContext.authenticate(
                    request,
                    (HttpServletResponse) external.getResponse(),
                    AuthenticationParameters.withParams()
                            .credential(new UsernamePasswordCredential(account, password == null ? "" : password))
                            .newAuthentication(true));
        } catch (DirectoryUnavailable e) {
            restart(external, "unavailable");
            return;
        }
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(safeReturnTo(external.getRequestContextPath()));
            default -> restart(external, attempt.directoryUnavailable() ? "unavailable" : "failed");
        }
    }

    public void signOut() throws IOException, jakarta.servlet.ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }

    /**
     * After a refused sign-in: a fresh session (nothing of the refused attempt stays with the old one) and a
     * redirect, so the form is shown anew.
     */
    private static void restart(ExternalContext external, String reason) throws IOException {
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?" + reason + "=true");
    }

    /** Demo mode only: the accounts a newcomer can try. */
    public List<DirectoryPerson> getDemoAccounts() {
        try {
            return directory.demoAccounts();
        } catch (DirectoryUnavailable e) {
            return List.of();
        }
    }

    public String groupsOf(DirectoryPerson person) {
        return String.join(", ", new java.util.TreeSet<>(person.groups()));
    }

    public String getDemoPassword() {
        return directory.demoPassword();
    }

    public boolean isDemo() {
        return directory.isDemo();
    }

    /**
     * Where to go after signing in: the page the visitor first asked for. The mechanism forwards that request to this
     * form, so its URL is known when the form is rendered; on the post it comes back as a form field, which anyone can
     * change, so only a path inside this application is followed (no other host, scheme or protocol-relative URL).
     */
    public String getReturnTo() {
        if (returnTo == null) {
            HttpServletRequest request =
                    (HttpServletRequest) faces.getExternalContext().getRequest();
            Object uri = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
            Object query = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING);
            returnTo = uri == null ? "" : uri + (query == null ? "" : "?" + query);
        }
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo;
    }

    String safeReturnTo(String contextPath) {
        String home = contextPath + "/index.xhtml";
        String target = returnTo;
        if (target == null
                || target.isEmpty()
                || target.length() > 2000
                || !target.startsWith(contextPath + "/")
                || target.startsWith("//")
                || target.contains("\\")
                || target.contains("/..")
                || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return home;
        }
        return target;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
