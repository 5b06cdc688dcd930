package io.afterhours.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.ApproverResolution.Reason;
import io.afterhours.directory.boundary.DirectoryPerson;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Manager links as data that can be wrong (reliability.md §4, P10): every dead end goes to the fallback group. */
class ManagerChainTest {

    private final Map<String, DirectoryPerson> people = new HashMap<>();

    private DirectoryPerson person(String name, String managerName, boolean disabled) {
        DirectoryPerson p = new DirectoryPerson(
                UUID.randomUUID(),
                "cn=" + name,
                name,
                name + "@corp.local",
                name,
                name + "@corp.local",
                managerName == null ? null : "cn=" + managerName,
                Set.of(),
                disabled);
        people.put(p.dn(), p);
        return p;
    }

    private ApproverResolution resolve(DirectoryPerson p, int maxHops) {
        return ManagerChain.resolve(p, dn -> Optional.ofNullable(people.get(dn)), "Fallback", maxHops);
    }

    @Test
    void aLoopThroughADisabledManagerEndsAtTheFallbackGroup() {
        DirectoryPerson a = person("a", "b", false);
        person("b", "a", true);

        ApproverResolution resolution = resolve(a, 5);

        assertTrue(resolution.usesFallback());
        assertEquals(Reason.MANAGER_LOOP, resolution.reason());
    }

    @Test
    void aLoopAboveThePersonIsDetected() {
        DirectoryPerson a = person("a", "b", false);
        person("b", "c", true);
        person("c", "b", true);

        assertEquals(Reason.MANAGER_LOOP, resolve(a, 10).reason());
    }

    @Test
    void aDanglingManagerReferenceGoesToTheFallbackGroup() {
        DirectoryPerson a = person("a", "ghost", false);

        assertEquals(Reason.MANAGER_NOT_FOUND, resolve(a, 5).reason());
    }

    @Test
    void aChainOfDisabledManagersGoesToTheFallbackGroup() {
        DirectoryPerson a = person("a", "b", false);
        person("b", "c", true);
        person("c", null, true);

        ApproverResolution resolution = resolve(a, 5);

        assertEquals(Reason.NO_ENABLED_MANAGER, resolution.reason());
        assertEquals("Fallback", resolution.fallbackGroup());
    }

    @Test
    void theWalkStopsAfterTheHopLimit() {
        DirectoryPerson a = person("a", "b", false);
        person("b", "c", true);
        person("c", "d", true);
        person("d", null, false);

        assertEquals(Reason.NO_ENABLED_MANAGER, resolve(a, 2).reason());
        assertEquals("d", resolve(a, 3).approver().orElseThrow().account());
    }
}
