package io.afterhours.directory.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.DirectoryUnavailable;
import io.afterhours.directory.control.SessionLifetime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which signed-in sessions go on: lifetime, disabled accounts, a name now worn by someone else, outages. */
class SessionGuardTest {

    private static final Instant SIGN_IN = Instant.parse("2026-11-28T08:00:00Z");

    private final SessionGuard guard = new SessionGuard();
    private final Directory directory = mock(Directory.class);
    private final AuditLog auditLog = mock(AuditLog.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final Map<String, Object> attributes = new HashMap<>();
    private final DirectoryPerson zoe = person(UUID.randomUUID(), false);

    @BeforeEach
    void setUp() {
        guard.directory = directory;
        guard.auditLog = auditLog;
        guard.lifetime = new SessionLifetime(Duration.ofHours(10), Duration.ofMinutes(1));
        at(SIGN_IN);
        when(request.getUserPrincipal()).thenReturn(() -> "zlefevre");
        when(request.getSession(false)).thenReturn(session);
        when(request.getContextPath()).thenReturn("/ctx");
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session)
                .setAttribute(anyString(), any());
        when(directory.findByAccount("zlefevre")).thenReturn(Optional.of(zoe));
    }

    @Test
    void theFirstRequestBindsTheSessionToThePersonsGuid() throws Exception {
        guard.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        assertEquals(zoe.guid(), attributes.get(SessionGuard.GUID));
        assertEquals(SIGN_IN, attributes.get(SessionGuard.SIGNED_IN_AT));
    }

    @Test
    void endsTheSessionWhenTheAccountIsDisabled() throws Exception {
        guard.doFilter(request, response, chain);
        at(SIGN_IN.plusSeconds(61));
        when(directory.findByAccount("zlefevre")).thenReturn(Optional.of(person(zoe.guid(), true)));

        guard.doFilter(request, response, chain);

        verify(response).sendRedirect("/ctx/login.xhtml?ended=true");
        verify(session).invalidate();
        verify(request).logout();
        assertTrue(audited().details().contains("disabled"));
    }

    @Test
    void endsTheSessionWhenTheNameNowBelongsToSomeoneElse() throws Exception {
        guard.doFilter(request, response, chain);
        at(SIGN_IN.plusSeconds(61));
        when(directory.findByAccount("zlefevre")).thenReturn(Optional.of(person(UUID.randomUUID(), false)));

        guard.doFilter(request, response, chain);

        verify(response).sendRedirect("/ctx/login.xhtml?ended=true");
    }

    @Test
    void aDirectoryOutageEndsNothingAndIsCheckedAgainNextTime() throws Exception {
        guard.doFilter(request, response, chain);
        Object checked = attributes.get(SessionGuard.CHECKED_AT);
        at(SIGN_IN.plusSeconds(61));
        when(directory.findByAccount("zlefevre")).thenThrow(new DirectoryUnavailable("down", null));

        guard.doFilter(request, response, chain);

        verify(response, never()).sendRedirect(anyString());
        assertEquals(checked, attributes.get(SessionGuard.CHECKED_AT), "not marked as checked");
    }

    @Test
    void endsAnySessionAtItsAbsoluteLifetimeAndTellsAjaxCallsWhereToGo() throws Exception {
        guard.doFilter(request, response, chain);
        at(SIGN_IN.plus(Duration.ofHours(10)));
        when(request.getHeader("Faces-Request")).thenReturn("partial/ajax");
        StringWriter body = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(body));

        guard.doFilter(request, response, chain);

        assertTrue(body.toString().contains("<redirect url=\"/ctx/login.xhtml?expired=true\"/>"), body.toString());
        assertTrue(audited().details().contains("absolute"));
    }

    private AuditRecord audited() {
        ArgumentCaptor<AuditRecord> record = ArgumentCaptor.forClass(AuditRecord.class);
        verify(auditLog).append(record.capture());
        return record.getValue();
    }

    private void at(Instant now) {
        guard.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static DirectoryPerson person(UUID guid, boolean disabled) {
        return new DirectoryPerson(
                guid, "cn=Zoë", "zlefevre", "zlefevre@corp.local", "Zoë", "z@corp.local", null, Set.of(), disabled);
    }
}
