package io.afterhours.directory.control;

import java.util.Locale;

/**
 * A user name as UserLock or a sign-in form gives it: {@code DOMAIN\sam}, a UPN ({@code sam@corp.example}) or a bare
 * {@code sam}. It is only a search key: the person found is identified by GUID from then on.
 */
public record AccountName(String domain, String account, boolean userPrincipalName) {

    public static AccountName parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("An account name is required");
        }
        String value = raw.strip();
        int backslash = value.indexOf('\\');
        if (backslash > 0 && backslash < value.length() - 1) {
            return new AccountName(
                    value.substring(0, backslash).toUpperCase(Locale.ROOT), value.substring(backslash + 1), false);
        }
        if (value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1) {
            return new AccountName(null, value, true);
        }
        return new AccountName(null, value, false);
    }
}
