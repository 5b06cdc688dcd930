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
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.containsKey(parts[0]) ? bundle.getString(parts[0]) : parts[0];
        return MessageFormat.format(pattern, (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
    }
}
