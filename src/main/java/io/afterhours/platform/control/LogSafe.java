package io.afterhours.platform.control;

/**
 * Makes attacker-influenced text safe to put in a log line: control characters (CR, LF, NUL), format characters
 * (the bidi override U+202E and friends) and the Unicode line and paragraph separators are replaced, so one value can
 * never forge a second log entry; long values are cut.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {}

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < value.length() && out.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            boolean unsafe = Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            out.append(unsafe ? '\uFFFD' : c);
        }
        if (value.length() > MAX_LENGTH) {
            out.append("…(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
