package io.afterhours.directory.control;

import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.ApproverResolution.Reason;
import io.afterhours.directory.boundary.DirectoryPerson;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds who approves for a person from AD's {@code manager} links, which the schema lets a domain administrator or the
 * account owner edit (reliability.md §4): treat them as data that can be missing, stale, self-referencing or circular.
 * A disabled manager is skipped upwards; every dead end goes to the fallback approver group. The requester can never
 * come out as their own approver.
 */
public final class ManagerChain {

    private ManagerChain() {}

    public static ApproverResolution resolve(
            DirectoryPerson person,
            Function<String, Optional<DirectoryPerson>> findByDn,
            String fallbackGroup,
            int maxHops) {
        if (person.managerDn() == null || person.managerDn().isBlank()) {
            return fallback(fallbackGroup, Reason.NO_MANAGER);
        }
        Set<UUID> seen = new HashSet<>();
        seen.add(person.guid());
        String nextDn = person.managerDn();
        boolean skippedDisabled = false;
        for (int hop = 0; hop < maxHops; hop++) {
            Optional<DirectoryPerson> found = findByDn.apply(nextDn);
            if (found.isEmpty()) {
                return fallback(fallbackGroup, hop == 0 ? Reason.MANAGER_NOT_FOUND : Reason.NO_ENABLED_MANAGER);
            }
            DirectoryPerson manager = found.get();
            if (manager.sameAs(person)) {
                return fallback(fallbackGroup, hop == 0 ? Reason.MANAGER_IS_SELF : Reason.MANAGER_LOOP);
            }
            if (!seen.add(manager.guid())) {
                return fallback(fallbackGroup, Reason.MANAGER_LOOP);
            }
            if (!manager.disabled()) {
                return new ApproverResolution(
                        Optional.of(manager),
                        null,
                        skippedDisabled ? Reason.MANAGER_DISABLED_ESCALATED : Reason.LINE_MANAGER);
            }
            skippedDisabled = true;
            if (manager.managerDn() == null || manager.managerDn().isBlank()) {
                return fallback(fallbackGroup, Reason.NO_ENABLED_MANAGER);
            }
            nextDn = manager.managerDn();
        }
        return fallback(fallbackGroup, Reason.NO_ENABLED_MANAGER);
    }

    private static ApproverResolution fallback(String group, Reason reason) {
        return new ApproverResolution(Optional.empty(), group, reason);
    }
}
