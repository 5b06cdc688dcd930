package io.afterhours.directory.boundary;

import java.util.List;
import java.util.Optional;

/**
 * What the portal shows about one person: their directory entry, their line manager as the directory names them, who
 * approves their requests and why (which may differ: a disabled manager, a loop, a fallback), and their direct
 * reports.
 */
public record PersonCard(
        DirectoryPerson person,
        Optional<DirectoryPerson> lineManager,
        ApproverResolution approver,
        List<DirectoryPerson> directReports,
        Relation relation) {

    /** How the viewer relates to the person shown: what entitles them to see the card. */
    public enum Relation {
        SELF,
        LINE_MANAGER,
        ADMINISTRATOR,
        AUDITOR
    }
}
