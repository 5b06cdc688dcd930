package io.afterhours.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.directory.boundary.PersonCard.Relation;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Object-level access to people: self, own reports by GUID, administrators and auditors; nobody else (P9, P14). */
class PeopleTest {

    private final Directory directory = mock(Directory.class);
    private final SecurityContext security = mock(SecurityContext.class);
    private final People people = new People();

    private final DirectoryPerson boss = person("mdubois", null);
    private final DirectoryPerson report = person("zlefevre", boss.dn());
    private final DirectoryPerson stranger = person("jalvarez", "cn=Karim");

    @BeforeEach
    void setUp() {
        people.directory = directory;
        people.security = security;
        for (DirectoryPerson p : List.of(boss, report, stranger)) {
            when(directory.findByAccount(p.account())).thenReturn(Optional.of(p));
            when(directory.findByDn(p.dn())).thenReturn(Optional.of(p));
        }
        when(directory.findByDn("cn=Karim")).thenReturn(Optional.empty());
        when(directory.findByGuid(any(UUID.class)))
                .thenAnswer(call -> List.of(boss, report, stranger).stream()
                        .filter(p -> p.guid().equals(call.getArgument(0)))
                        .findFirst());
        when(directory.resolveApprover(any()))
                .thenReturn(
                        new ApproverResolution(Optional.empty(), "Approvers", ApproverResolution.Reason.NO_MANAGER));
        when(directory.directReports(any())).thenReturn(List.of());
        when(security.isCallerInRole(anyString())).thenReturn(false);
    }

    @Test
    void everyoneSeesThemselves() {
        signedInAs(report);
        assertEquals(Relation.SELF, people.card(report.guid()).relation());
    }

    @Test
    void aManagerSeesTheirReportButNotSomeoneElsesOrTheirOwnManager() {
        signedInAs(boss);
        assertEquals(Relation.LINE_MANAGER, people.card(report.guid()).relation());
        assertThrows(AccessRefused.class, () -> people.card(stranger.guid()));

        signedInAs(report);
        assertThrows(AccessRefused.class, () -> people.card(boss.guid()), "reports do not see their manager's card");
    }

    @Test
    void administratorsAndAuditorsSeeEveryone() {
        signedInAs(report);
        when(security.isCallerInRole(Roles.AUDITOR)).thenReturn(true);
        assertEquals(Relation.AUDITOR, people.card(stranger.guid()).relation());
        when(security.isCallerInRole(Roles.ADMINISTRATOR)).thenReturn(true);
        assertEquals(Relation.ADMINISTRATOR, people.card(stranger.guid()).relation());
    }

    @Test
    void someoneWhoDoesNotExistIsRefusedLikeSomeoneForbidden() {
        signedInAs(boss);
        when(security.isCallerInRole(Roles.ADMINISTRATOR)).thenReturn(true);
        AccessRefused refused = assertThrows(AccessRefused.class, () -> people.card(UUID.randomUUID()));
        assertEquals(AccessRefused.class, refused.getClass());
    }

    @Test
    void onlyManagersHaveATeam() {
        signedInAs(report);
        assertThrows(AccessRefused.class, people::myTeam);
        when(security.isCallerInRole(Roles.MANAGER)).thenReturn(true);
        when(directory.directReports(report)).thenReturn(List.of(stranger, boss));
        assertEquals(List.of(stranger, boss), people.myTeam(), "sorted by display name");
    }

    private void signedInAs(DirectoryPerson who) {
        Principal principal = who::account;
        when(security.getCallerPrincipal()).thenReturn(principal);
    }

    private static DirectoryPerson person(String account, String managerDn) {
        return new DirectoryPerson(
                UUID.nameUUIDFromBytes(account.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "cn=" + account,
                account,
                account + "@corp.local",
                account.equals("jalvarez") ? "José Álvarez" : account.equals("mdubois") ? "Mathilde Dubois" : "Zoë",
                account + "@corp.local",
                managerDn,
                Set.of(),
                false);
    }
}
