package io.afterhours.notification.web;

import io.afterhours.directory.boundary.Preferences;
import io.afterhours.notification.boundary.OutboxDetail;
import io.afterhours.notification.boundary.OutboxMessages;
import io.afterhours.notification.boundary.OutboxRefused;
import io.afterhours.platform.web.BundleText;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/** View state of one outbox row's page ({@code admin/outbox-message.xhtml?id=…}): its headers, parts and retry. */
@Named
@ViewScoped
public class OutboxMessageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OutboxMessages outbox;

    @Inject
    Preferences preferences;

    private Long id;
    private ZoneId zone;
    private OutboxDetail detail;

    /** The page's view action: loads the row named by {@code id} (none: the page says so). */
    public void load() {
        zone = preferences.myZone();
        detail = id == null ? null : outbox.detail(id).orElse(null);
    }

    public void retry() {
        try {
            detail = outbox.retryNow(id);
            note(FacesMessage.SEVERITY_INFO, BundleText.about("outbox.retried", id));
        } catch (OutboxRefused e) {
            note(FacesMessage.SEVERITY_WARN, BundleText.about(e.getMessage(), id));
        }
    }

    /** The HTML part inside a sandboxed frame (see {@link SafeMailFrame}); written unescaped by the page. */
    public String getFrame() {
        return detail == null
                ? ""
                : SafeMailFrame.of(detail.html(), detail.summary().subject());
    }

    public String format(Instant instant) {
        return ZonedTime.format(instant, zone);
    }

    private static void note(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public OutboxDetail getDetail() {
        return detail;
    }
}
