package io.afterhours.connector.web;

import io.afterhours.connector.boundary.ActionQueue;
import io.afterhours.connector.boundary.ActionSummary;
import io.afterhours.connector.boundary.BridgeSummary;
import io.afterhours.connector.boundary.Drift;
import io.afterhours.connector.entity.ActionState;
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
import java.util.List;
import java.util.Locale;

/**
 * View state of the administrators' actions page ({@code admin/actions.xhtml}): the UserLock actions by state (a page
 * parameter, {@code ?state=dead}), the bridges' last calls, and the drift their inventories show.
 */
@Named
@ViewScoped
public class ActionsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int MAX = 200;

    @Inject
    ActionQueue queue;

    @Inject
    Preferences preferences;

    private ZoneId zone;
    private String state;
    private Long requestId;
    private transient List<ActionSummary> actions;

    @PostConstruct
    void init() {
        zone = preferences.myZone();
    }

    public List<ActionSummary> getActions() {
        if (actions == null) {
            actions = queue.actions(chosen(), requestId, MAX);
        }
        return actions;
    }

    public List<BridgeSummary> getBridges() {
        return queue.bridges();
    }

    public List<Drift> getDrift() {
        return queue.drift();
    }

    public List<ActionState> getStates() {
        return List.of(ActionState.values());
    }

    /** "Retry now" on a dead action: due at once for the next bridge that leases. */
    public void retry(long id) {
        String me = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getUserPrincipal()
                .getName();
        boolean retried = queue.retry(id, me);
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                retried ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                                BundleText.about(retried ? "actions.retried" : "actions.notDead", id),
                                null));
        actions = null;
    }

    public String format(Instant instant) {
        return instant == null || Instant.EPOCH.equals(instant)
                ? "—"
                : TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    public String getZoneId() {
        return zone.getId();
    }

    private ActionState chosen() {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ActionState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
        actions = null;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
        actions = null;
    }
}
