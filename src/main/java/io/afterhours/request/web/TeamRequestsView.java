package io.afterhours.request.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.RequestSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The requests part of the manager's team page ({@code team.xhtml}): their reports' recent and coming windows. */
@Named
@RequestScoped
public class TeamRequestsView {

    @Inject
    Decisions decisions;

    @Inject
    ExtensionRequests requests;

    private List<RequestSummary> list;
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

    public void revoke(long id) {
        if (RequestActions.run(() -> decisions.revoke(id), "request.revoked", id)) {
            list = null;
        }
    }

    public String shown(Instant instant) {
        if (zone == null) {
            zone = requests.rules().displayZone();
        }
        return WindowText.moment(instant, zone);
    }
}
