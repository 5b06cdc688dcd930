package io.afterhours.platform.control;

/**
 * Makes attacker-influenced text safe to put in a log line: control characters (CR, LF, NUL, the bidi override
 * U+202E and friends) are replaced so one value can never forge a second log entry, and long values are cut.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < value.length() && out.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            boolean unsafe = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
            out.append(unsafe ? '\uFFFD' : c);
        }
        if (value.length() > MAX_LENGTH) {
            out.append("…(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
