package io.afterhours.platform.control;

/**
 * Prepares attacker-influenced text for a database column: NUL, which PostgreSQL text columns cannot hold, becomes
 * U+FFFD, and values are cut at the column's length (the raw JSON keeps the full, exact value, escaped).
 */
public final class StoredText {

    private StoredText() {}

    public static String column(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String cleaned = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
            end--;
        }
        return cleaned.substring(0, end) + '…';
    }
}
