package io.afterhours.usage.web;

import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.usage.boundary.Usage;
import io.afterhours.usage.boundary.UsageSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The usage column of the employee's list ({@code requests.xhtml}) and the manager's team list ({@code team.xhtml}):
 * one boundary call per list and HTTP request, so the badges follow the list as it changes.
 */
@Named
@RequestScoped
public class UsageBadges {

    @Inject
    Usage usage;

    private Map<Long, UsageSummary> mine;
    private Map<Long, UsageSummary> team;

    public String mine(long requestId) {
        if (mine == null) {
            mine = usage.mine();
        }
        return UsageText.badge(mine.get(requestId));
    }

    public String team(long requestId) {
        if (team == null) {
            try {
                team = usage.team();
            } catch (AccessRefused e) {
                // The page itself refuses non-managers; the column just stays empty.
                team = Map.of();
            }
        }
        return UsageText.badge(team.get(requestId));
    }
}
