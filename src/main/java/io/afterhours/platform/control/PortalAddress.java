package io.afterhours.platform.control;

/**
 * Links into the portal from its configured address ({@code afterhours.portal.url}), which operators write with or
 * without a trailing slash.
 */
public final class PortalAddress {

    private PortalAddress() {}

    /** {@code base} and {@code path} joined by exactly one slash: ("https://h/", "/a.xhtml") → "https://h/a.xhtml". */
    public static String page(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return left + (path.startsWith("/") ? path : "/" + path);
    }
}
