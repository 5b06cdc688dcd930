package io.afterhours.notification.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.notification.boundary.DemoMailbox;
import io.afterhours.notification.boundary.OutboxCounts;
import io.afterhours.notification.boundary.OutboxFilter;
import io.afterhours.notification.boundary.OutboxMessages;
import io.afterhours.notification.boundary.OutboxRefused;
import io.afterhours.notification.boundary.OutboxStatus;
import io.afterhours.platform.web.BundleText;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * View state of the administrators' outbox page ({@code admin/outbox.xhtml}). The filters are also page parameters
 * ({@code ?status=failed&request=42}), so a filtered list can be linked to.
 */
@Named
@ViewScoped
public class OutboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OutboxMessages outbox;

    @Inject
    Preferences preferences;

    @Inject
    DemoMailbox demoMailbox;

    private OutboxLazyModel model;
    private ZoneId zone;
    private String status;
    private String kind;
    private String recipient;
    private Long requestId;
    private OutboxCounts counts;

    @PostConstruct
    void init() {
        model = new OutboxLazyModel(outbox, this::filter);
        zone = preferences.myZone();
    }

    public void retry(long id) {
        try {
            outbox.retryNow(id);
            note(FacesMessage.SEVERITY_INFO, BundleText.about("outbox.retried", id));
        } catch (OutboxRefused e) {
            note(FacesMessage.SEVERITY_WARN, BundleText.about(e.getMessage(), id));
        }
        counts = null;
    }

    public void clearFilters() {
        status = null;
        kind = null;
        recipient = null;
        requestId = null;
        counts = null;
    }

    OutboxFilter filter() {
        OutboxStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = OutboxStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                chosen = null; // an unknown status in the address lists every row
            }
        }
        return new OutboxFilter(chosen, kind, recipient, requestId);
    }

    /** A moment in the viewer's zone, with the zone named. */
    public String format(Instant instant) {
        return ZonedTime.format(instant, zone);
    }

    public OutboxCounts getCounts() {
        if (counts == null) {
            counts = outbox.counts();
        }
        return counts;
    }

    public boolean isDemoMailbox() {
        return demoMailbox.enabled();
    }

    public OutboxStatus[] getStatuses() {
        return OutboxStatus.values();
    }

    private static void note(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public OutboxLazyModel getModel() {
        return model;
    }

    public String getZoneId() {
        return zone.getId();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }
}
