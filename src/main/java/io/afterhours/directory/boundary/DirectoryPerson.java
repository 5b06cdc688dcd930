package io.afterhours.directory.boundary;

import java.util.Set;
import java.util.UUID;

/**
 * One person as the directory describes them. {@code guid} is the identity; names are for display and search only.
 * {@code managerDn} is AD's {@code manager} attribute as stored, which may be missing, stale, or point anywhere.
 * {@code language} is the configured language attribute as stored (AD's {@code preferredLanguage}: "fr", "fr-FR"),
 * or null: what the mails they get are written in.
 */
public record DirectoryPerson(
        UUID guid,
        String dn,
        String account,
        String userPrincipalName,
        String displayName,
        String mail,
        String managerDn,
        Set<String> groups,
        boolean disabled,
        String language) {

    /** A person whose directory entry names no language. */
    public DirectoryPerson(
            UUID guid,
            String dn,
            String account,
            String userPrincipalName,
            String displayName,
            String mail,
            String managerDn,
            Set<String> groups,
            boolean disabled) {
        this(guid, dn, account, userPrincipalName, displayName, mail, managerDn, groups, disabled, null);
    }

    public boolean isMemberOf(String group) {
        return groups.stream().anyMatch(g -> g.equalsIgnoreCase(group));
    }

    public boolean sameAs(DirectoryPerson other) {
        return other != null && guid.equals(other.guid);
    }
}
