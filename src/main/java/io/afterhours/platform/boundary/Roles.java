package io.afterhours.platform.boundary;

/** The portal's roles (product.md §1); identity stores return them as groups, which Payara maps to roles by name. */
public final class Roles {

    public static final String EMPLOYEE = "employee";
    public static final String MANAGER = "manager";
    public static final String ADMINISTRATOR = "administrator";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
