package io.afterhours.connector.web;

import io.afterhours.connector.boundary.ActionQueue;
import io.afterhours.connector.boundary.ActionReport;
import io.afterhours.connector.boundary.ManualAction;
import io.afterhours.connector.boundary.ReportOutcome;
import io.afterhours.directory.boundary.Preferences;
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
import java.time.format.DateTimeFormatter;

/**
 * One action for an administrator applying it by hand ({@code admin/action.xhtml?id=}, manual mode): the commands to
 * paste, and the form to confirm "Applied" or "Failed", recorded like a bridge's report.
 */
@Named
@ViewScoped
public class ActionView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    ActionQueue queue;

    @Inject
    Preferences preferences;

    private ZoneId zone;
    private Long id;
    private String userLockId;
    private String hours;
    private String error;
    private transient ManualAction action;

    @PostConstruct
    void init() {
        zone = preferences.myZone();
    }

    public ManualAction getAction() {
        if (action == null && id != null) {
            action = queue.manual(id).orElse(null);
        }
        return action;
    }

    public String getCommands() {
        return getAction() == null ? "" : String.join("\n", getAction().commands());
    }

    public void applied() {
        done(new ActionReport(
                "", true, blankToNull(userLockId), null, null, blankToNull(hours), "confirmed by hand", null, false));
    }

    public void failed() {
        String why = blankToNull(error);
        if (why == null) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            "confirm:error",
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR, BundleText.about("action.errorNeeded", id), null));
            return;
        }
        // Retryable: the same backoff and attempt limit as a bridge's failure; the action stays on this page.
        done(new ActionReport("", false, null, null, null, null, null, why, true));
    }

    private void done(ActionReport report) {
        String me = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getUserPrincipal()
                .getName();
        ReportOutcome outcome = queue.confirm(id, me, report);
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                outcome == ReportOutcome.RECORDED
                                        ? FacesMessage.SEVERITY_INFO
                                        : FacesMessage.SEVERITY_WARN,
                                BundleText.about(
                                        outcome == ReportOutcome.RECORDED ? "action.recorded" : "action.notOpen", id),
                                null));
        action = null;
        userLockId = null;
        hours = null;
        error = null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String format(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
        action = null;
    }

    public String getUserLockId() {
        return userLockId;
    }

    public void setUserLockId(String userLockId) {
        this.userLockId = userLockId;
    }

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = hours;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }
}
