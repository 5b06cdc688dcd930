package io.afterhours.hours.web;

import io.afterhours.platform.web.BundleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The session types a request is for, as people read them ("Desk, Remote desktop"), from the comma-separated names
 * requests store ("WORKSTATION,TERMINAL"). A name the bundle does not know is shown as it is.
 */
@Named
@ApplicationScoped
public class SessionTypeLabels {

    public String of(String types) {
        if (types == null || types.isBlank()) {
            return "";
        }
        return Arrays.stream(types.split(","))
                .map(String::strip)
                .filter(type -> !type.isEmpty())
                .map(type -> BundleText.labelOr("sessionType.short." + type, type))
                .collect(Collectors.joining(", "));
    }
}
