package io.afterhours.request.web;

import io.afterhours.request.boundary.BulkDecisions;
import io.afterhours.request.boundary.DecisionCommand;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.InboxEntry;
import io.afterhours.request.boundary.RequestSummary;
import io.afterhours.request.entity.RequestOrigin;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The approver's inbox ({@code inbox.xhtml}): pending requests for me a page at a time, each decided in one tap
 * (approve as asked, approve for 30 min / 1 h / 2 h, or deny with a reason), or several ticked and decided together.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Decisions decisions;

    @Inject
    BulkDecisions bulk;

    @Inject
    transient ExtensionRequests requests;

    private ZoneId zone;
    private ZoneId enforcedZone;
    private InboxModel model;
    private List<InboxEntry> selected = new ArrayList<>();
    private String text;
    private RequestOrigin origin;
    private List<Long> denying = List.of();
    private String denyReason;
    private RequestSummary untilRequest;
    private java.time.LocalTime untilTime;

    @PostConstruct
    void init() {
        zone = requests.rules().displayZone();
        enforcedZone = requests.rules().enforcedZone();
        model = new InboxModel(decisions);
    }

    public void approve(long id) {
        decideOne(DecisionCommand.approve(id, null, null), "decision.approved");
    }

    /** Approve for less: the first {@code minutes} of the window still to come, never past the requested end. */
    public void approveFor(RequestSummary request, int minutes) {
        decideOne(Presets.firstMinutes(request, minutes, Instant.now()), "decision.approved");
    }

    /** "Until…": remembers the request, proposes the end it asked for; the dialog asks for the time of day. */
    public void startUntil(RequestSummary request) {
        untilRequest = request;
        untilTime = request.requestedEnd().atZone(zone).toLocalTime();
    }

    public void approveUntil() {
        if (untilRequest == null) {
            return;
        }
        if (untilTime == null) {
            RequestActions.note(FacesMessage.SEVERITY_ERROR, "decision.problem.until", untilRequest.id());
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        decideOne(Presets.until(untilRequest, untilTime, zone, Instant.now()), "decision.approved");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            untilRequest = null;
        }
    }

    public java.time.LocalTime getUntilTime() {
        return untilTime;
    }

    public void setUntilTime(java.time.LocalTime untilTime) {
        this.untilTime = untilTime;
    }

    public void startDenying(long id) {
        denying = List.of(id);
        denyReason = null;
    }

    public void startDenyingSelected() {
        denying = selected.stream().map(InboxEntry::id).toList();
        denyReason = null;
    }

    public void deny() {
        if (denying.isEmpty()) {
            return;
        }
        String reason = denyReason;
        decideAll(denying, id -> DecisionCommand.deny(id, reason), "decision.denied");
    }

    public void approveSelected() {
        decideAll(
                selected.stream().map(InboxEntry::id).toList(),
                id -> DecisionCommand.approve(id, null, null),
                "decision.approved");
    }

    public void applyFilter() {
        model.filter(text, origin);
        selected = new ArrayList<>();
    }

    /** Whether a preset is shorter than what was asked (otherwise "approve" already says it). */
    public boolean offers(RequestSummary request, int minutes) {
        return Presets.offers(request, minutes);
    }

    public String shown(Instant instant) {
        return WindowText.moment(instant, zone);
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

    public InboxModel getModel() {
        return model;
    }

    public List<InboxEntry> getSelected() {
        return selected;
    }

    public void setSelected(List<InboxEntry> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public RequestOrigin getOrigin() {
        return origin;
    }

    public void setOrigin(RequestOrigin origin) {
        this.origin = origin;
    }

    public RequestOrigin[] getOrigins() {
        return RequestOrigin.values();
    }

    public String getDenyReason() {
        return denyReason;
    }

    public void setDenyReason(String denyReason) {
        this.denyReason = denyReason;
    }

    public int getDenyingCount() {
        return denying.size();
    }

    private void decideOne(DecisionCommand command, String done) {
        if (RequestActions.run(() -> decisions.decide(command), done, command.requestId())) {
            afterDecisions();
        }
    }

    /** Several at once: a message per request that could not be decided, one for those that were. */
    private void decideAll(List<Long> ids, Function<Long, DecisionCommand> command, String done) {
        if (ids.isEmpty()) {
            RequestActions.note(FacesMessage.SEVERITY_WARN, "inbox.bulk.none", null);
            return;
        }
        BulkDecisions.Outcome outcome = RequestActions.call(
                () -> bulk.decideEach(ids.stream().map(command).toList()));
        if (outcome == null) {
            return;
        }
        if (ids.size() == 1 && outcome.decided().size() == 1) {
            RequestActions.note(FacesMessage.SEVERITY_INFO, done, ids.get(0));
        } else if (!outcome.decided().isEmpty()) {
            RequestActions.note(
                    FacesMessage.SEVERITY_INFO,
                    done + ".many",
                    outcome.decided().size());
        }
        outcome.refused()
                .forEach((id, problems) ->
                        problems.forEach(p -> RequestActions.note(FacesMessage.SEVERITY_ERROR, p, id)));
        if (!outcome.refused().isEmpty()) {
            FacesContext.getCurrentInstance().validationFailed();
        }
        afterDecisions();
    }

    private void afterDecisions() {
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            denying = List.of();
        }
        selected = new ArrayList<>();
    }
}
