package io.afterhours.request.web;

import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.RequestCommand;
import io.afterhours.request.boundary.RequestRefused;
import io.afterhours.request.boundary.RequestRules;
import io.afterhours.request.boundary.RequestSummary;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * "My requests" ({@code requests.xhtml}): the employee's form to ask for extra hours and the list of their requests,
 * with times in the organisation's display zone, named on the page.
 */
@Named
@ViewScoped
public class MyRequestsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ExtensionRequests requests;

    private LocalDateTime start;
    private LocalDateTime end;
    // A mutable list: Faces fills the submitted values into a new instance of the same collection class.
    private List<String> sessionTypes = new java.util.ArrayList<>(List.of("WORKSTATION"));
    private String reason;
    private List<RequestSummary> mine;
    private RequestRules rules;
    private Long extendable;

    @PostConstruct
    void init() {
        rules = requests.rules();
        LocalDateTime now = LocalDateTime.now(zone());
        // The next quarter hour, for two hours: the most common ask.
        start = now.truncatedTo(ChronoUnit.HOURS).plusMinutes((now.getMinute() / 15 + 1) * 15L);
        end = start.plus(rules.defaultLength());
        reload();
    }

    public void submit() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            RequestSummary made = requests.requestAhead(
                    RequestCommand.inZone(start, end, zone(), new LinkedHashSet<>(sessionTypes), reason));
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            RequestActions.text(
                                    made.approvedByRule() == null
                                            ? "request.sent"
                                            : "request.autoApproved|" + made.approvedByRule(),
                                    made.id()),
                            null));
            reason = null;
            extendable = null;
            reload();
        } catch (RequestRefused refused) {
            extendable = refused.problems().contains("request.problem.overlaps")
                            && mine.stream()
                                    .anyMatch(r -> r.cancellable()
                                            && Long.valueOf(r.id()).equals(refused.overlapping()))
                    ? refused.overlapping()
                    : null;
            for (String problem : refused.problems()) {
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                RequestActions.text(problem, refused.overlapping()),
                                null));
            }
            faces.validationFailed();
        }
    }

    /** "Extend that one instead": widens the overlapping undecided request to also cover the window typed. */
    public void extendInstead() {
        if (extendable == null) {
            return;
        }
        long id = extendable;
        RequestCommand typed = RequestCommand.inZone(start, end, zone(), new LinkedHashSet<>(sessionTypes), reason);
        if (RequestActions.run(() -> requests.extend(id, typed.start(), typed.end()), "request.extended", id)
                && !FacesContext.getCurrentInstance().isValidationFailed()) {
            extendable = null;
            reload();
        }
    }

    /** The undecided request the last ask overlapped, which the page offers to extend instead; or null. */
    public Long getExtendable() {
        return extendable;
    }

    public void cancel(long id) {
        if (RequestActions.run(() -> requests.cancel(id), "request.cancelled", id)) {
            reload();
        }
    }

    public void endEarly(long id) {
        if (RequestActions.run(() -> requests.endEarly(id), "request.ended", id)) {
            reload();
        }
    }

    /** Sets the end from a preset length (minutes) after the chosen start. */
    public void lasting(int minutes) {
        end = start.plusMinutes(minutes);
    }

    public String shown(Instant instant) {
        return WindowText.moment(instant, zone());
    }

    public String length(RequestSummary request) {
        return WindowText.length(request.windowStart(), request.windowEnd());
    }

    public String getEnforcedZoneName() {
        return rules.enforcedZone().getId();
    }

    public String getZoneName() {
        return zone().getId();
    }

    private ZoneId zone() {
        return rules.displayZone();
    }

    private void reload() {
        mine = requests.mine();
    }

    public RequestRules getRules() {
        return rules;
    }

    public List<RequestSummary> getMine() {
        return mine;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public void setStart(LocalDateTime start) {
        this.start = start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public void setEnd(LocalDateTime end) {
        this.end = end;
    }

    public List<String> getSessionTypes() {
        return sessionTypes;
    }

    public void setSessionTypes(List<String> sessionTypes) {
        this.sessionTypes = sessionTypes;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
