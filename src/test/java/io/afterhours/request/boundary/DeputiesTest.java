package io.afterhours.request.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import io.afterhours.request.control.DeputyAssignments;
import io.afterhours.request.entity.Deputy;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Naming a deputy (F3): only managers, only for themselves, whole days in the display zone, never overlapping. */
class DeputiesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private final Deputies deputies = new Deputies();
    private final DirectoryPerson mathilde = person("mdubois");
    private final DirectoryPerson paul = person("pmartin");

    @BeforeEach
    void setUp() {
        deputies.em = mock(EntityManager.class);
        deputies.people = mock(People.class);
        deputies.directory = mock(Directory.class);
        deputies.assignments = mock(DeputyAssignments.class);
        deputies.auditLog = mock(AuditLog.class);
        deputies.security = mock(SecurityContext.class);
        deputies.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        deputies.preferences = mock(Preferences.class);
        when(deputies.preferences.myZone()).thenReturn(java.time.ZoneId.of("Europe/Paris"));
        when(deputies.security.isCallerInRole(Roles.MANAGER)).thenReturn(true);
        when(deputies.people.me()).thenReturn(mathilde);
        when(deputies.directory.findByAccount("pmartin")).thenReturn(Optional.of(paul));
        when(deputies.directory.findByAccount("mdubois")).thenReturn(Optional.of(mathilde));
        when(deputies.assignments.currentAndComing(any(), any())).thenReturn(List.of());
        // The sequence gives an id on persist; so does this stand-in.
        doAnswer(call -> {
                    java.lang.reflect.Field id = Deputy.class.getDeclaredField("id");
                    id.setAccessible(true);
                    id.set(call.getArgument(0), 1L);
                    return null;
                })
                .when(deputies.em)
                .persist(any());
    }

    @Test
    void aDeputyshipRunsFromTheFirstDaysMidnightToTheMidnightAfterTheLastInTheDisplayZone() {
        deputies.appoint(new DeputyCommand("pmartin", TODAY.plusDays(1), TODAY.plusDays(3)));

        ArgumentCaptor<Deputy> stored = ArgumentCaptor.forClass(Deputy.class);
        verify(deputies.em).persist(stored.capture());
        assertEquals(Instant.parse("2026-12-02T23:00:00Z"), stored.getValue().startsAt(), "3 Dec 00:00 in Paris");
        assertEquals(Instant.parse("2026-12-05T23:00:00Z"), stored.getValue().endsAt(), "6 Dec 00:00 in Paris");
        assertEquals(paul.guid(), stored.getValue().deputy());
    }

    @Test
    void aRangeThatBeganAlreadyStartsNowNeverEarlier() {
        deputies.appoint(new DeputyCommand("pmartin", TODAY.minusDays(2), TODAY));

        ArgumentCaptor<Deputy> stored = ArgumentCaptor.forClass(Deputy.class);
        verify(deputies.em).persist(stored.capture());
        assertEquals(NOW, stored.getValue().startsAt());
    }

    @Test
    void everyProblemIsNamedAndNothingIsStored() {
        assertEquals(
                List.of("deputy.problem.self", "deputy.problem.order"),
                refused(new DeputyCommand("mdubois", TODAY.plusDays(2), TODAY)));
        assertEquals(
                List.of("deputy.problem.unknown", "deputy.problem.past"),
                refused(new DeputyCommand("nobody", TODAY.minusDays(3), TODAY.minusDays(1))));
        assertEquals(
                List.of("deputy.problem.who", "deputy.problem.long"),
                refused(new DeputyCommand(" ", TODAY, TODAY.plusDays(400))));
        verify(deputies.em, never()).persist(any());
    }

    @Test
    void theSameDeputyCannotBeNamedTwiceForTheSameDays() {
        Deputy existing = new Deputy(
                mathilde.guid(),
                "M",
                paul.guid(),
                "pmartin",
                "P",
                Instant.parse("2026-12-03T23:00:00Z"),
                Instant.parse("2026-12-10T23:00:00Z"),
                NOW);
        when(deputies.assignments.currentAndComing(mathilde.guid(), NOW)).thenReturn(List.of(existing));

        assertEquals(
                List.of("deputy.problem.overlap"),
                refused(new DeputyCommand("pmartin", TODAY.plusDays(5), TODAY.plusDays(6))));
        deputies.appoint(new DeputyCommand("pmartin", TODAY, TODAY.plusDays(1)));
    }

    @Test
    void onlyManagersNameDeputiesAndOnlyTheirOwnCanBeEnded() {
        Deputy someoneElses =
                new Deputy(UUID.randomUUID(), "K", paul.guid(), "pmartin", "P", NOW, NOW.plusSeconds(3600), NOW);
        when(deputies.em.find(Deputy.class, 5L)).thenReturn(someoneElses);

        assertThrows(AccessRefused.class, () -> deputies.withdraw(5L));
        when(deputies.security.isCallerInRole(Roles.MANAGER)).thenReturn(false);
        assertThrows(AccessRefused.class, () -> deputies.appoint(new DeputyCommand("pmartin", TODAY, TODAY)));
    }

    @Test
    void endingARunningDeputyshipKeepsItsHistory() {
        Deputy running = new Deputy(
                mathilde.guid(), "M", paul.guid(), "pmartin", "P", NOW.minusSeconds(60), NOW.plusSeconds(3600), NOW);
        when(deputies.em.find(Deputy.class, 6L)).thenReturn(running);

        deputies.withdraw(6L);

        assertEquals(NOW, running.endsAt());
        assertFalse(running.activeAt(NOW));
        assertTrue(running.activeAt(NOW.minusSeconds(1)));
        verify(deputies.em, never()).remove(any());
    }

    private List<String> refused(DeputyCommand command) {
        return assertThrows(RequestRefused.class, () -> deputies.appoint(command))
                .problems();
    }

    private static DirectoryPerson person(String account) {
        return new DirectoryPerson(
                UUID.randomUUID(), "cn=" + account, account, null, account, null, null, Set.of(), false);
    }
}
