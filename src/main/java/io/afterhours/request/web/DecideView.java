package io.afterhours.request.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.boundary.DecisionCommand;
import io.afterhours.request.boundary.DecisionLinks;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.LinkProblem;
import io.afterhours.request.boundary.LinkRefused;
import io.afterhours.request.boundary.LinkedRequest;
import io.afterhours.request.boundary.RequestDetail;
import io.afterhours.request.boundary.RequestRefused;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The confirmation page of a decision link ({@code decide.xhtml?t=<token>&a=approve|less|deny}): the request, the
 * action chosen in the mail preselected, and buttons that decide by a Faces post. Opening the page (a GET, as a mail
 * scanner would) decides nothing and uses nothing up.
 */
@Named
@ViewScoped
public class DecideView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> CHOICES = Set.of("approve", "less", "deny");

    @Inject
    DecisionLinks links;

    @Inject
    transient ExtensionRequests requests;

    private String token;
    private String action;
    private String choice = "approve";
    private ZoneId zone;
    private LinkedRequest linked;
    private LocalTime until;
    private String denyReason;

    public void load() {
        zone = requests.rules().displayZone();
        if (action != null && CHOICES.contains(action)) {
            choice = action;
        }
        // No token at all is a mistyped address, not an attempt worth auditing.
        linked = token == null || token.isBlank() ? new LinkedRequest(LinkProblem.INVALID, null) : links.open(token);
    }

    public void approve() {
        decide(DecisionCommand.approve(requestId(), null, null), "decision.approved");
    }

    public void approveFor(int minutes) {
        decide(Presets.firstMinutes(detail().request(), minutes, Instant.now()), "decision.approved");
    }

    public void approveUntil() {
        if (until == null) {
            RequestActions.note(FacesMessage.SEVERITY_ERROR, "decision.problem.until", requestId());
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        decide(Presets.until(detail().request(), until, zone, Instant.now()), "decision.approved");
    }

    public void deny() {
        decide(DecisionCommand.deny(requestId(), denyReason), "decision.denied");
    }

    private void decide(DecisionCommand command, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            links.decide(token, command);
            RequestActions.note(FacesMessage.SEVERITY_INFO, done, requestId());
        } catch (LinkRefused refused) {
            RequestActions.note(FacesMessage.SEVERITY_ERROR, "link.problem." + refused.problem(), requestId());
            faces.validationFailed();
        } catch (RequestRefused refused) {
            refused.problems().forEach(p -> RequestActions.note(FacesMessage.SEVERITY_ERROR, p, requestId()));
            faces.validationFailed();
        } catch (AccessRefused refused) {
            RequestActions.note(FacesMessage.SEVERITY_ERROR, "link.problem." + LinkProblem.NO_AUTHORITY, requestId());
            faces.validationFailed();
        }
        linked = links.open(token);
    }

    public boolean offers(int minutes) {
        return Presets.offers(detail().request(), minutes);
    }

    public String shown(Instant instant) {
        return instant == null ? "" : WindowText.moment(instant, zone);
    }

    public String length() {
        return WindowText.length(
                detail().request().windowStart(), detail().request().windowEnd());
    }

    public String getZoneName() {
        return zone.getId();
    }

    public LinkedRequest getLinked() {
        return linked;
    }

    private RequestDetail detail() {
        return linked.detail();
    }

    private Long requestId() {
        return linked.detail() == null ? null : linked.detail().request().id();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getChoice() {
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = choice != null && CHOICES.contains(choice) ? choice : this.choice;
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
}
