package io.afterhours.request.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.People;
import io.afterhours.request.control.LinkKeys;
import io.afterhours.request.control.LinkTokens;
import io.afterhours.request.entity.RequestState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What a decision link may do (F3): only its approver's post decides, once, while the request is pending. */
class DecisionLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");
    private final DirectoryPerson mathilde = person("mdubois");
    private final DirectoryPerson karim = person("kbenali");
    private final LinkTokens tokens =
            new LinkTokens("a signing key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
    private final DecisionLinks links = new DecisionLinks();
    private final Query usedCount = mock(Query.class, RETURNS_SELF);
    private final Query insert = mock(Query.class, RETURNS_SELF);

    @BeforeEach
    void setUp() {
        links.keys = mock(LinkKeys.class);
        when(links.keys.known()).thenReturn(tokens);
        links.decisions = mock(Decisions.class);
        links.people = mock(People.class);
        when(links.people.me()).thenReturn(mathilde);
        links.auditLog = mock(AuditLog.class);
        links.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        links.ttl = Duration.ofHours(24);
        links.portalUrl = "https://afterhours.corp.example/";
        links.em = mock(EntityManager.class);
        when(links.em.createNativeQuery(anyString()))
                .thenAnswer(call -> call.getArgument(0, String.class).startsWith("SELECT") ? usedCount : insert);
        used(false);
        when(links.decisions.detail(7)).thenReturn(detail(RequestState.PENDING, true));
    }

    @Test
    void theMailGetsThreeLinksWithOneTokenForThisApproverValidForTheTtl() {
        DecisionLinkUrls urls = links.forApprover(7, mathilde.guid());

        String prefix = "https://afterhours.corp.example/decide.xhtml?t=";
        assertTrue(urls.approve().startsWith(prefix) && urls.approve().endsWith("&a=approve"), urls.approve());
        assertTrue(urls.less().endsWith("&a=less") && urls.deny().endsWith("&a=deny"));
        String token = token(urls.approve());
        assertEquals(token, token(urls.deny()));
        assertEquals(mathilde.guid(), tokens.verify(token).orElseThrow().approver());
        assertEquals(NOW.plus(Duration.ofHours(24)), urls.expiresAt());
    }

    @Test
    void openingAGoodLinkShowsTheRequestAndWritesNothing() {
        LinkedRequest opened = links.open(issue(Duration.ofHours(1)));

        assertTrue(opened.decidable());
        verify(links.em, never()).createNativeQuery(org.mockito.ArgumentMatchers.startsWith("INSERT"));
        verify(links.auditLog, never()).append(any());
        verify(links.decisions, never()).decide(any());
    }

    @Test
    void aLinkIsRefusedWhenTamperedForwardedExpiredUsedOrOvertaken() {
        String good = issue(Duration.ofHours(1));
        assertEquals(
                LinkProblem.INVALID,
                links.open(good.replaceFirst("^7\\.", "8.")).problem());
        assertEquals(
                LinkProblem.EXPIRED, links.open(issue(Duration.ofSeconds(-1))).problem());

        when(links.people.me()).thenReturn(karim);
        LinkedRequest forwarded = links.open(good);
        assertEquals(LinkProblem.NOT_YOURS, forwarded.problem());
        assertNull(forwarded.detail(), "the request is not shown to someone else");
        when(links.people.me()).thenReturn(mathilde);

        used(true);
        assertEquals(LinkProblem.USED, links.open(good).problem());
        used(false);
        when(links.decisions.detail(7)).thenReturn(detail(RequestState.APPROVED, false));
        assertEquals(LinkProblem.DECIDED, links.open(good).problem());
        when(links.decisions.detail(7)).thenReturn(detail(RequestState.PENDING, false));
        assertEquals(LinkProblem.NO_AUTHORITY, links.open(good).problem());
    }

    @Test
    void aRefusedLinkIsAuditedWithoutTheToken() {
        String good = issue(Duration.ofHours(1));
        when(links.people.me()).thenReturn(karim);

        links.open(good);

        ArgumentCaptor<AuditRecord> audited = ArgumentCaptor.forClass(AuditRecord.class);
        verify(links.auditLog).append(audited.capture());
        assertEquals("request.link-refused", audited.getValue().action());
        assertEquals("request 7", audited.getValue().subject());
        assertFalse(audited.getValue().details().contains(good.substring(good.lastIndexOf('.') + 1)));
    }

    @Test
    void theDecidingPostDecidesThroughDecisionsRecordsTheTokenAndSaysItCameFromTheMail() {
        DecisionCommand approve = DecisionCommand.approve(7, null, null);

        links.decide(issue(Duration.ofHours(1)), approve);

        verify(links.decisions).decide(approve);
        verify(insert).executeUpdate();
        ArgumentCaptor<AuditRecord> audited = ArgumentCaptor.forClass(AuditRecord.class);
        verify(links.auditLog).append(audited.capture());
        assertEquals("request.decided-by-link", audited.getValue().action());
        assertTrue(audited.getValue().details().contains("approved from the decision link"));
    }

    @Test
    void aRefusedLinkOrALinkForAnotherRequestDecidesNothing() {
        used(true);
        LinkRefused used = assertThrows(
                LinkRefused.class,
                () -> links.decide(issue(Duration.ofHours(1)), DecisionCommand.approve(7, null, null)));
        assertEquals(LinkProblem.USED, used.problem());
        used(false);
        LinkRefused other = assertThrows(
                LinkRefused.class, () -> links.decide(issue(Duration.ofHours(1)), DecisionCommand.deny(8, "no")));
        assertEquals(LinkProblem.INVALID, other.problem());

        verify(links.decisions, never()).decide(any());
        verify(insert, never()).executeUpdate();
    }

    private String issue(Duration valid) {
        return tokens.issue(7, mathilde.guid(), NOW.plus(valid));
    }

    private void used(boolean used) {
        when(usedCount.getSingleResult()).thenReturn(used ? 1L : 0L);
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?t=") + 3, url.indexOf("&a="));
    }

    private static DirectoryPerson person(String account) {
        return new DirectoryPerson(
                UUID.randomUUID(),
                "cn=" + account,
                account,
                account + "@corp.local",
                account,
                null,
                null,
                Set.of(),
                false);
    }

    private static RequestDetail detail(RequestState state, boolean decidable) {
        RequestSummary request = new RequestSummary(
                7,
                state,
                null,
                "zlefevre",
                "Zoé",
                NOW,
                NOW.plusSeconds(3600),
                NOW,
                NOW.plusSeconds(3600),
                "WORKSTATION",
                "Close",
                "Mathilde",
                null,
                null,
                null,
                null,
                null,
                0,
                NOW,
                false,
                null,
                false,
                null);
        return new RequestDetail(request, null, List.of(), List.of(), decidable, null, "", ZoneOffset.UTC, false);
    }
}
