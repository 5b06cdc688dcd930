package io.afterhours.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.audit.control.HistoryCriteria;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.platform.boundary.Roles;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history filter resolved against the directory and narrowed to what the viewer may see (F7). */
class AuditHistoryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AuditHistory history = new AuditHistory();
    private final DirectoryPerson manager = person("mdubois");
    private final DirectoryPerson report = person("pmartin");
    private final DirectoryPerson other = person("jalvarez");

    @BeforeEach
    void setUp() {
        history.security = mock(SecurityContext.class);
        history.people = mock(People.class);
        history.directory = mock(Directory.class);
        when(history.directory.findByAccount("mdubois")).thenReturn(Optional.of(manager));
        when(history.directory.findByAccount("pmartin")).thenReturn(Optional.of(report));
        when(history.directory.findByAccount("jalvarez")).thenReturn(Optional.of(other));
        when(history.directory.directReports(manager)).thenReturn(List.of(report));
    }

    private void signedInAs(DirectoryPerson who, String... roles) {
        when(history.people.me()).thenReturn(who);
        for (String role : roles) {
            when(history.security.isCallerInRole(role)).thenReturn(true);
        }
    }

    private static HistoryFilter filter(String person, String manager, String state, String action) {
        return new HistoryFilter(person, manager, null, state, action, null, null, PARIS);
    }

    @Test
    void anEmployeeSeesOnlyEntriesConcerningThemselves() {
        signedInAs(other, Roles.EMPLOYEE);

        HistoryCriteria criteria = history.criteria(HistoryFilter.none(PARIS));

        assertEquals(Set.of(other.guid().toString()), criteria.visibleGuids());
    }

    @Test
    void aManagerSeesThemselvesAndTheirReports() {
        signedInAs(manager, Roles.EMPLOYEE, Roles.MANAGER);

        HistoryCriteria criteria = history.criteria(HistoryFilter.none(PARIS));

        assertEquals(Set.of(manager.guid().toString(), report.guid().toString()), criteria.visibleGuids());
    }

    @Test
    void auditorsAndAdministratorsSeeEverything() {
        signedInAs(other, Roles.EMPLOYEE, Roles.AUDITOR);

        assertNull(history.criteria(HistoryFilter.none(PARIS)).visibleGuids());
    }

    @Test
    void aPersonFilterDoesNotWidenWhatAnEmployeeSees() {
        signedInAs(other, Roles.EMPLOYEE);

        HistoryCriteria criteria = history.criteria(filter("pmartin", null, null, null));

        assertEquals(Set.of(report.guid().toString()), criteria.personGuids());
        assertEquals(Set.of(other.guid().toString()), criteria.visibleGuids());
    }

    @Test
    void aManagerFilterMeansTheirDirectReports() {
        signedInAs(other, Roles.EMPLOYEE, Roles.AUDITOR);

        HistoryCriteria criteria = history.criteria(filter(null, "mdubois", null, null));

        assertEquals(Set.of(report.guid().toString()), criteria.personGuids());
    }

    @Test
    void aTeamIsTheGroupsMembersAndCombinesWithAManagerFilter() {
        signedInAs(other, Roles.AUDITOR);
        when(history.directory.members("Night-Shift")).thenReturn(List.of(report, other));

        HistoryCriteria team =
                history.criteria(new HistoryFilter(null, null, " Night-Shift ", null, null, null, null, PARIS));
        HistoryCriteria both =
                history.criteria(new HistoryFilter(null, "mdubois", "Night-Shift", null, null, null, null, PARIS));

        assertEquals(Set.of(report.guid().toString(), other.guid().toString()), team.personGuids());
        assertEquals(Set.of(report.guid().toString()), both.personGuids());
    }

    @Test
    void aPersonWhoLeftTheDirectoryIsFoundByAccount() {
        signedInAs(other, Roles.AUDITOR);

        HistoryCriteria criteria = history.criteria(filter("departed", null, null, null));

        assertNull(criteria.personGuids());
        assertEquals("departed", criteria.personAccount());
    }

    @Test
    void anActionEndingInADotOrStarIsAPrefix() {
        signedInAs(other, Roles.AUDITOR);

        HistoryCriteria dot = history.criteria(filter(null, null, null, "Request."));
        HistoryCriteria star = history.criteria(filter(null, null, null, "request.app*"));
        HistoryCriteria exact = history.criteria(filter(null, null, null, "audit.read"));

        assertTrue(dot.actionPrefix());
        assertEquals("request.", dot.action());
        assertTrue(star.actionPrefix());
        assertEquals("request.app", star.action());
        assertFalse(exact.actionPrefix());
    }

    @Test
    void daysAreWholeDaysInTheViewersZone() {
        signedInAs(other, Roles.AUDITOR);
        HistoryFilter days = new HistoryFilter(
                null, null, null, null, null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), PARIS);

        HistoryCriteria criteria = history.criteria(days);

        assertEquals(Instant.parse("2026-06-30T22:00:00Z"), criteria.from());
        assertEquals(Instant.parse("2026-07-01T22:00:00Z"), criteria.until());
    }

    @Test
    void badFiltersAreRefusedWithAReason() {
        signedInAs(other, Roles.AUDITOR);

        assertEquals(
                "history.problem.state",
                assertThrows(HistoryRefused.class, () -> history.criteria(filter(null, null, "NOPE", null)))
                        .getMessage());
        assertEquals(
                "history.problem.action",
                assertThrows(HistoryRefused.class, () -> history.criteria(filter(null, null, null, "x' OR 1=1")))
                        .getMessage());
        assertEquals(
                "history.problem.manager",
                assertThrows(HistoryRefused.class, () -> history.criteria(filter(null, "nobody", null, null)))
                        .getMessage());
        HistoryFilter backwards = new HistoryFilter(
                null, null, null, null, null, LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 1), PARIS);
        assertEquals(
                "history.problem.range",
                assertThrows(HistoryRefused.class, () -> history.criteria(backwards))
                        .getMessage());
    }

    @Test
    void theFilterIsDescribedForTheAuditEntry() {
        assertEquals("no filter", HistoryFilter.none(PARIS).describe());
        assertEquals(
                "person=pmartin, action=request., from=2026-07-01 (Europe/Paris)",
                new HistoryFilter("pmartin", null, " ", null, "request.", LocalDate.of(2026, 7, 1), null, PARIS)
                        .describe());
    }

    private static DirectoryPerson person(String account) {
        return new DirectoryPerson(
                UUID.nameUUIDFromBytes(account.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "CN=" + account + ",OU=People,DC=example,DC=org",
                account,
                account + "@example.org",
                account,
                account + "@example.org",
                null,
                Set.of(),
                false);
    }
}
