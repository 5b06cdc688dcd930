package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.afterhours.directory.control.AdGuid;
import io.afterhours.directory.control.DemoDirectoryServer;
import java.net.URI;
import java.util.UUID;

/**
 * The running portal's demo directory, changed the way an AD administrator would: tests connect as its service
 * account (password from the build, {@code afterhours.it.directory.password}) to add people or disable them.
 */
final class DemoDirectory {

    private DemoDirectory() {}

    static LDAPConnection admin(URI base) throws LDAPException {
        LDAPURL url = new LDAPURL(get(base, "api/it-probe/directory/url").body());
        return new LDAPConnection(
                "127.0.0.1",
                url.getPort(),
                DemoDirectoryServer.SERVICE_DN,
                System.getProperty("afterhours.it.directory.password"));
    }

    /**
     * Adds an employee who exists for this test run only (so no earlier run's requests are theirs), reporting to
     * {@code managerDn}, member of {@code groups} (by name), with the demo password. Returns the new person's DN.
     */
    static String addEmployee(URI base, String account, String managerDn, String... groups) throws LDAPException {
        String dn = "cn=" + account + "," + DemoDirectoryServer.USER_BASE;
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        entry.addAttribute("cn", account);
        entry.addAttribute("sn", account);
        entry.addAttribute("sAMAccountName", account);
        entry.addAttribute("userPrincipalName", account + "@corp.local");
        entry.addAttribute("displayName", "Test " + account);
        entry.addAttribute("mail", account + "@corp.local");
        entry.addAttribute("objectGUID", AdGuid.toBytes(UUID.randomUUID()));
        entry.addAttribute("manager", managerDn);
        for (String group : groups) {
            entry.addAttribute("memberOf", "cn=" + group + ",ou=groups,dc=corp,dc=local");
        }
        entry.addAttribute("userAccountControl", "512");
        entry.addAttribute("userPassword", PortalSession.DEMO_PASSWORD);
        try (LDAPConnection connection = admin(base)) {
            connection.add(entry);
        }
        return dn;
    }

    /** Adds a group (by its cn) with these members (DNs), as an AD administrator would. */
    static void addGroup(URI base, String group, String... memberDns) throws LDAPException {
        Entry entry = new Entry("cn=" + group + ",ou=groups,dc=corp,dc=local");
        entry.addAttribute("objectClass", "top", "group");
        entry.addAttribute("cn", group);
        if (memberDns.length > 0) {
            entry.addAttribute("member", memberDns);
        }
        try (LDAPConnection connection = admin(base)) {
            connection.add(entry);
        }
    }

    /** Changes a person's {@code manager}, as an AD administrator would. */
    static void setManager(URI base, String dn, String managerDn) throws LDAPException {
        try (LDAPConnection connection = admin(base)) {
            connection.modify(
                    dn,
                    new com.unboundid.ldap.sdk.Modification(
                            com.unboundid.ldap.sdk.ModificationType.REPLACE, "manager", managerDn));
        }
    }

    /** Sets a person's {@code preferredLanguage} ("fr"), as an AD administrator would. */
    static void setLanguage(URI base, String dn, String language) throws LDAPException {
        try (LDAPConnection connection = admin(base)) {
            connection.modify(
                    dn,
                    new com.unboundid.ldap.sdk.Modification(
                            com.unboundid.ldap.sdk.ModificationType.REPLACE, "preferredLanguage", language));
        }
    }
}
