package io.afterhours.platform.web;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.ResourceBundle;

/**
 * Text for a problem a boundary reported as {@code key} or {@code key|argument|argument}: the bundle's pattern for
 * the key with the arguments as {0}, {1}, … (the key itself when the bundle lacks it, so a missing text shows up).
 */
public final class BundleText {

    private BundleText() {}

    public static String of(String problem) {
        String[] parts = problem.split("\\|");
        return format(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
    }

    /** The same, about one object ({@code subject}, e.g. a request id) shown as {0}; the problem's arguments follow. */
    public static String about(String problem, Object subject) {
        String[] parts = problem.split("\\|");
        Object[] args = new Object[parts.length];
        args[0] = subject == null ? "" : subject;
        System.arraycopy(parts, 1, args, 1, parts.length - 1);
        return format(parts[0], args);
    }

    /** The bundle's text for {@code key} as it is (no arguments), or {@code fallback} when the bundle lacks it. */
    public static String labelOr(String key, String fallback) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    private static String format(String key, Object[] args) {
        return MessageFormat.format(labelOr(key, key), args);
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
