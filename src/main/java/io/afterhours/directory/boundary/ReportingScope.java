package io.afterhours.directory.boundary;

import java.util.List;
import java.util.UUID;

/**
 * Whose requests a report or an export may cover: one manager's direct reports ({@code team} names the manager), or
 * everyone ({@code members} null, {@code team} null) for auditors and administrators who chose no manager.
 */
public record ReportingScope(String team, List<UUID> members) {

    public ReportingScope {
        members = members == null ? null : List.copyOf(members);
    }

    public boolean everyone() {
        return members == null;
    }
}
