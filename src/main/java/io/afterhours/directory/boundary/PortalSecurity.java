package io.afterhours.directory.boundary;

import io.afterhours.platform.boundary.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Sign-in for the portal: a Faces form ({@code login.xhtml}) validated by {@link DirectoryIdentityStore}; the page an
 * anonymous visitor asked for is shown again after sign-in. The form is forwarded to (not redirected), so it passes
 * through the filters that set the security headers. Which URLs need which role is in {@code web.xml}.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = true, errorPage = ""))
@DeclareRoles({Roles.EMPLOYEE, Roles.MANAGER, Roles.ADMINISTRATOR, Roles.AUDITOR})
@ApplicationScoped
public class PortalSecurity {}
