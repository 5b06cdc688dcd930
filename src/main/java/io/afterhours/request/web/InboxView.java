package io.afterhours.request.web;

import io.afterhours.request.boundary.DecisionCommand;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.RequestSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The approver's inbox ({@code inbox.xhtml}): pending requests for me, each decided in one tap (approve as asked,
 * approve for 30 min / 1 h / 2 h, or deny with a reason).
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Decisions decisions;

    @Inject
    transient ExtensionRequests requests;

    private ZoneId zone;
    private List<RequestSummary> pending;
    private Long denying;
    private String denyReason;

    @PostConstruct
    void init() {
        zone = requests.rules().displayZone();
        reload();
    }

    public void approve(long id) {
        decide(() -> decisions.decide(DecisionCommand.approve(id, null, null)), "decision.approved", id);
    }

    /** Approve for less: the first {@code minutes} of the window still to come, never past the requested end. */
    public void approveFor(RequestSummary request, int minutes) {
        Instant start = request.requestedStart().isBefore(Instant.now()) ? Instant.now() : request.requestedStart();
        Instant end = start.plus(Duration.ofMinutes(minutes));
        Instant capped = end.isAfter(request.requestedEnd()) ? request.requestedEnd() : end;
        decide(
                () -> decisions.decide(DecisionCommand.approve(request.id(), start, capped)),
                "decision.approved",
                request.id());
    }

    public void startDenying(long id) {
        denying = id;
        denyReason = null;
    }

    public void deny() {
        if (denying == null) {
            return;
        }
        long id = denying;
        decide(() -> decisions.decide(DecisionCommand.deny(id, denyReason)), "decision.denied", id);
    }

    /** Whether a preset is shorter than what was asked (otherwise "approve" already says it). */
    public boolean offers(RequestSummary request, int minutes) {
        return Duration.between(request.requestedStart(), request.requestedEnd())
                        .toMinutes()
                > minutes;
    }

    public String shown(Instant instant) {
        return WindowText.moment(instant, zone);
    }

    public String length(RequestSummary request) {
        return WindowText.length(request.windowStart(), request.windowEnd());
    }

    public String getZoneName() {
        return zone.getId();
    }

    public List<RequestSummary> getPending() {
        return pending;
    }

    public String getDenyReason() {
        return denyReason;
    }

    public void setDenyReason(String denyReason) {
        this.denyReason = denyReason;
    }

    public Long getDenying() {
        return denying;
    }

    private void decide(Runnable decision, String done, long id) {
        if (RequestActions.run(decision, done, id)) {
            if (!FacesContext.getCurrentInstance().isValidationFailed()) {
                denying = null;
            }
            reload();
        }
    }

    private void reload() {
        pending = decisions.inbox();
    }
}
