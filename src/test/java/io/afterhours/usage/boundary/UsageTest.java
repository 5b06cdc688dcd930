package io.afterhours.usage.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.directory.boundary.ReportingScope;
import io.afterhours.intake.boundary.SessionEvent;
import io.afterhours.intake.boundary.SessionEvents;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.request.boundary.Decisions;
import io.afterhours.request.boundary.ExtensionRequests;
import io.afterhours.request.boundary.GrantedRequestWindow;
import io.afterhours.request.boundary.GrantedWindows;
import io.afterhours.usage.control.LinkedEvent;
import io.afterhours.usage.control.UsageStore;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linking logons/logoffs to granted windows, the "extension used" audit, and who may export. */
class UsageTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Instant START = Instant.parse("2026-12-02T20:00:00Z");
    private static final Instant END = Instant.parse("2026-12-02T22:00:00Z");

    private final Usage usage = new Usage();
    private final DirectoryPerson paul =
            new DirectoryPerson(UUID.randomUUID(), "cn=pmartin", "pmartin", null, "Paul", null, null, Set.of(), false);
    private final GrantedRequestWindow window = new GrantedRequestWindow(41, paul.guid(), "pmartin", START, END);

    @BeforeEach
    void setUp() {
        usage.sessionEvents = mock(SessionEvents.class);
        usage.grantedWindows = mock(GrantedWindows.class);
        usage.decisions = mock(Decisions.class);
        usage.requests = mock(ExtensionRequests.class);
        usage.directory = mock(Directory.class);
        usage.store = mock(UsageStore.class);
        usage.auditLog = mock(AuditLog.class);
        usage.security = mock(SecurityContext.class);
        usage.people = mock(People.class);
        usage.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        when(usage.directory.findByAccount("CORP\\pmartin")).thenReturn(Optional.of(paul));
    }

    private static SessionEvent logon(long id, Instant at) {
        return new SessionEvent(id, true, "pmartin", "CORP", at, "PC-1", "10.0.0.1", null);
    }

    @Test
    void theFirstLogonLinkedToAWindowIsAuditedOnceAndEveryEventIsMarked() {
        Instant at = START.plusSeconds(600);
        when(usage.sessionEvents.claim(10)).thenReturn(List.of(logon(1, at), logon(2, at.plusSeconds(60))));
        when(usage.grantedWindows.covering(eq(paul.guid()), any())).thenReturn(List.of(window));
        when(usage.store.link(eq(41L), anyLong(), any(LinkedEvent.class))).thenReturn(true);
        when(usage.store.hasOtherLogon(41, 1)).thenReturn(false);
        when(usage.store.hasOtherLogon(41, 2)).thenReturn(true);

        assertEquals(2, usage.linkSessionEvents(10));

        verify(usage.auditLog, times(1)).append(any(AuditRecord.class));
        verify(usage.sessionEvents).markChecked(1, NOW);
        verify(usage.sessionEvents).markChecked(2, NOW);
    }

    @Test
    void aLogonLinkedAlreadyIsNotAuditedAgain() {
        when(usage.sessionEvents.claim(10)).thenReturn(List.of(logon(1, START.plusSeconds(600))));
        when(usage.grantedWindows.covering(eq(paul.guid()), any())).thenReturn(List.of(window));
        when(usage.store.link(eq(41L), eq(1L), any(LinkedEvent.class))).thenReturn(false);

        usage.linkSessionEvents(10);

        verify(usage.auditLog, never()).append(any(AuditRecord.class));
    }

    @Test
    void anUnknownAccountOrALogonAtTheVeryEndLinksNothingButIsMarked() {
        when(usage.sessionEvents.claim(10))
                .thenReturn(
                        List.of(new SessionEvent(1, true, "ghost", "CORP", START, "PC-1", null, null), logon(2, END)));
        when(usage.directory.findByAccount("CORP\\ghost")).thenReturn(Optional.empty());
        when(usage.grantedWindows.covering(eq(paul.guid()), any())).thenReturn(List.of(window));

        usage.linkSessionEvents(10);

        verify(usage.store, never()).link(anyLong(), anyLong(), any());
        verify(usage.sessionEvents).markChecked(1, NOW);
        verify(usage.sessionEvents).markChecked(2, NOW);
    }

    @Test
    void theExportIsRefusedBeforeAnythingIsReadOrAudited() {
        when(usage.people.reportingScope(null)).thenThrow(new AccessRefused("reports"));
        List<UsageRow> rows = new ArrayList<>();

        assertThrows(AccessRefused.class, () -> usage.export(START, END, null, "p", rows::add));
        verify(usage.grantedWindows, never()).page(any(), any(), any(), any(), anyInt());
        verify(usage.auditLog, never()).append(any());
        assertTrue(rows.isEmpty());
    }

    @Test
    void theExportIsAuditedAndPagesThroughTheScopesWindowsWithTheirUsage() {
        Principal caller = () -> "mdubois";
        when(usage.security.getCallerPrincipal()).thenReturn(caller);
        List<UUID> team = List.of(paul.guid());
        when(usage.people.reportingScope("mdubois")).thenReturn(new ReportingScope("Mathilde", team));
        List<GrantedRequestWindow> full = new ArrayList<>();
        for (int i = 0; i < Usage.EXPORT_PAGE; i++) {
            full.add(new GrantedRequestWindow(1000 + i, paul.guid(), "pmartin", START, END));
        }
        when(usage.grantedWindows.page(START, END, team, null, Usage.EXPORT_PAGE))
                .thenReturn(full);
        when(usage.grantedWindows.page(START, END, team, full.get(full.size() - 1), Usage.EXPORT_PAGE))
                .thenReturn(List.of(window));
        when(usage.store.eventsOf(List.of(41L)))
                .thenReturn(
                        Map.of(41L, List.of(new LinkedEvent(true, START.plusSeconds(600), "PC-1", "10.0.0.1", null))));
        List<UsageRow> rows = new ArrayList<>();

        assertEquals(Usage.EXPORT_PAGE + 1, usage.export(START, END, "mdubois", "in December", rows::add));

        verify(usage.auditLog)
                .append(argThat(r -> r.action().equals("usage.exported")
                        && r.actor().equals("mdubois")
                        && r.details().contains("in December; team of Mathilde")));
        assertEquals(Usage.EXPORT_PAGE + 1, rows.size());
        assertTrue(rows.get(0).account().equals("pmartin") && !rows.get(0).used());
        UsageRow row = rows.get(rows.size() - 1);
        assertTrue(row.used());
        assertEquals(41, row.requestId());
        assertEquals(START.plusSeconds(600), row.firstLogon());
        assertEquals(Duration.ofMinutes(110), row.total());
        assertTrue(row.stillLoggedOnAtEnd());
    }

    @Test
    void aRequestsUsageIsRefusedToWhoeverMayNotSeeTheRequest() {
        when(usage.decisions.detail(41)).thenThrow(new AccessRefused("request 41"));

        assertThrows(AccessRefused.class, () -> usage.of(41));
        verify(usage.store, never()).eventsOf(any());
    }
}
