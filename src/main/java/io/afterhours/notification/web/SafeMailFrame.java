package io.afterhours.notification.web;

/**
 * The markup that shows a mail's HTML part on a portal page without letting it act in the portal's origin: an
 * {@code <iframe sandbox>} whose document is the mail, given inline ({@code srcdoc}) and escaped as an attribute value.
 * The sandbox has no {@code allow-scripts} and no {@code allow-same-origin}, so the mail runs no script and reaches
 * neither the portal's cookies nor its pages; its own policy (a {@code <meta>} put first) loads nothing from the
 * network, so a mail cannot call home when an administrator opens it. Links open in a new tab, outside the sandbox.
 */
public final class SafeMailFrame {

    static final String MAIL_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';" + " form-action 'none'";
    private static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

    private SafeMailFrame() {}

    /** The iframe element for {@code html}, with {@code title} for screen readers; to be written unescaped. */
    public static String of(String html, String title) {
        String document = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + MAIL_POLICY + "\">"
                + "<base target=\"_blank\">" + (html == null ? "" : html);
        return "<iframe class=\"ah-mail-frame\" sandbox=\"" + SANDBOX + "\" referrerpolicy=\"no-referrer\" title=\""
                + attribute(title) + "\" srcdoc=\"" + attribute(document) + "\"></iframe>";
    }

    /** Escapes every character that could end or change an attribute value, or start markup or an entity. */
    static String attribute(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 64);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
