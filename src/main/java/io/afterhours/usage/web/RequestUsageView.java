package io.afterhours.usage.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.usage.boundary.Usage;
import io.afterhours.usage.boundary.UsageSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The "Usage" panel of the request page ({@code request.xhtml}), in the viewer's zone, named on the page. */
@Named
@RequestScoped
public class RequestUsageView {

    @Inject
    Usage usage;

    @Inject
    ExtensionRequests requests;

    private Long loadedFor;
    private UsageSummary summary;
    private ZoneId zone;

    /** The request's usage, or null when it was never granted (or the viewer may not see it: the page refuses). */
    public UsageSummary of(Long requestId) {
        if (requestId == null) {
            return null;
        }
        if (!requestId.equals(loadedFor)) {
            loadedFor = requestId;
            try {
                summary = usage.of(requestId).orElse(null);
            } catch (AccessRefused e) {
                summary = null;
            }
        }
        return summary;
    }

    public String badge(UsageSummary usage) {
        return UsageText.badge(usage);
    }

    public String duration(Duration length) {
        return UsageText.duration(length);
    }

    public String shown(Instant instant) {
        return UsageText.moment(instant, zone());
    }

    public String getZoneName() {
        return zone().getId();
    }

    private ZoneId zone() {
        if (zone == null) {
            zone = requests.rules().displayZone();
        }
        return zone;
    }
}
