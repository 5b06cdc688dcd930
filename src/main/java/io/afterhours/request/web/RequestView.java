package io.afterhours.request.web;

import io.afterhours.audit.boundary.AuditHistory;
import io.afterhours.audit.boundary.HistoryEntry;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.web.Refusal;
import io.afterhours.request.boundary.DecisionCommand;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.RequestDetail;
import io.afterhours.request.boundary.RequestSummary;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One request ({@code request.xhtml?id=…}): who, the window, the reason, the denied logons behind it, the employee's
 * last 90 days, and for the approver the same one-tap decisions as the inbox plus "until hh:mm".
 */
@Named
@ViewScoped
public class RequestView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Decisions decisions;

    @Inject
    transient ExtensionRequests requests;

    @Inject
    transient AuditHistory history;

    private String idParam;
    private Long id;
    private ZoneId zone;
    private ZoneId enforcedZone;
    private RequestDetail detail;
    private LocalTime until;
    private String denyReason;
    private String reason;
    private java.util.List<HistoryEntry> timeline;

    public void load() {
        zone = requests.rules().displayZone();
        enforcedZone = requests.rules().enforcedZone();
        // Parsed here, not by a converter: a malformed id must be refused like any other, not render an empty page.
        try {
            id = Long.valueOf(idParam == null ? "" : idParam.strip());
        } catch (NumberFormatException e) {
            Refusal.refuse(FacesContext.getCurrentInstance(), "request " + idParam);
            return;
        }
        try {
            detail = decisions.detail(id);
            enforcedZone = detail.enforcedZone();
            reason = detail.request().reason();
            timeline = timeline(id);
        } catch (AccessRefused e) {
            Refusal.refuse(FacesContext.getCurrentInstance(), e.getMessage());
        }
    }

    /**
     * The request's audit timeline, for whoever may read the requester's history; an approver who sees the request
     * through a group or as a deputy gets the request without it.
     */
    private java.util.List<HistoryEntry> timeline(long requestId) {
        try {
            return history.timeline(requestId);
        } catch (AccessRefused e) {
            return null;
        }
    }

    public java.util.List<HistoryEntry> getTimeline() {
        return timeline;
    }

    public void approve() {
        decide(DecisionCommand.approve(id, null, null), "decision.approved");
    }

    public void approveFor(int minutes) {
        decide(Presets.firstMinutes(detail.request(), minutes, Instant.now()), "decision.approved");
    }

    public void approveUntil() {
        if (until == null) {
            RequestActions.note(jakarta.faces.application.FacesMessage.SEVERITY_ERROR, "decision.problem.until", id);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        decide(Presets.until(detail.request(), until, zone, Instant.now()), "decision.approved");
    }

    public void deny() {
        decide(DecisionCommand.deny(id, denyReason), "decision.denied");
    }

    /** The requester's own reason, on their undecided request (the mail after a denied logon links here). */
    public void explain() {
        if (RequestActions.run(() -> requests.explain(id, reason), "detail.explained", id)) {
            load();
        }
    }

    /** "End now": the employee ends their own window, an approver or an administrator revokes it (REVOKED, audited). */
    public void endNow() {
        boolean done = detail.own()
                ? RequestActions.run(() -> requests.endEarly(id), "request.ended", id)
                : RequestActions.run(() -> decisions.revoke(id), "request.revoked", id);
        if (done) {
            load();
        }
    }

    /** Whether the viewer may end this request's granted window now. */
    public boolean isEndable() {
        return detail != null && decisions.mayEndNow(id);
    }

    /** Whether the viewer may give the reason here: their own request, still undecided. */
    public boolean isExplainable() {
        return detail != null && detail.own() && detail.request().state().isOpen();
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The same moment on UserLock's clock, when the viewer's zone is another. */
    public String shownEnforced(Instant instant) {
        return WindowText.moment(instant, enforcedZone);
    }

    public boolean offers(int minutes) {
        return Presets.offers(detail.request(), minutes);
    }

    public String shown(Instant instant) {
        return instant == null ? "" : WindowText.moment(instant, zone);
    }

    public String length(RequestSummary request) {
        return WindowText.length(request.windowStart(), request.windowEnd());
    }

    public String getEnforcedZoneName() {
        return enforcedZone.getId();
    }

    public String getZoneName() {
        return zone.getId();
    }

    public RequestDetail getDetail() {
        return detail;
    }

    public Long getId() {
        return id;
    }

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public LocalTime getUntil() {
        return until;
    }

    public void setUntil(LocalTime until) {
        this.until = until;
    }

    public String getDenyReason() {
        return denyReason;
    }

    public void setDenyReason(String denyReason) {
        this.denyReason = denyReason;
    }

    private void decide(DecisionCommand command, String done) {
        if (RequestActions.run(() -> decisions.decide(command), done, id)) {
            detail = decisions.detail(id);
        }
    }
}
