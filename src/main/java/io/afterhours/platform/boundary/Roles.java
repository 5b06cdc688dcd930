package io.afterhours.platform.boundary;

import jakarta.security.enterprise.SecurityContext;

/** The portal's roles (product.md §1); identity stores return them as groups, which Payara maps to roles by name. */
public final class Roles {

    public static final String EMPLOYEE = "employee";
    public static final String MANAGER = "manager";
    public static final String ADMINISTRATOR = "administrator";
    public static final String AUDITOR = "auditor";

    private Roles() {}

    /** The signed-in administrator's account name; anyone else is refused with {@link AccessRefused} naming {@code what}. */
    public static String requireAdministrator(SecurityContext security, String what) {
        if (!security.isCallerInRole(ADMINISTRATOR) || security.getCallerPrincipal() == null) {
            throw new AccessRefused(what);
        }
        return security.getCallerPrincipal().getName();
    }
}
