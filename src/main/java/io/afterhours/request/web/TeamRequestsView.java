package io.afterhours.request.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.RequestSummary;
import io.afterhours.request.entity.RequestState;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The requests part of the manager's team page ({@code team.xhtml}): their reports' recent and coming windows. */
@Named
@ViewScoped
public class TeamRequestsView implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Decisions decisions;

    @Inject
    transient ExtensionRequests requests;

    private List<RequestSummary> list;
    private List<RequestSummary> filtered;
    private ZoneId zone;

    public List<RequestSummary> getList() {
        if (list == null) {
            try {
                list = decisions.team();
            } catch (AccessRefused e) {
                // The page itself refuses non-managers; this part just stays empty.
                list = List.of();
            }
        }
        return list;
    }

    /** What the table's filters let through (PrimeFaces keeps it between requests of the page). */
    public List<RequestSummary> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<RequestSummary> filtered) {
        this.filtered = filtered;
    }

    public RequestState[] getStates() {
        return RequestState.values();
    }

    public void revoke(long id) {
        if (RequestActions.run(() -> decisions.revoke(id), "request.revoked", id)) {
            list = null;
            filtered = null;
        }
    }

    public String shown(Instant instant) {
        return WindowText.moment(instant, zone());
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
