package io.afterhours.request.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.directory.boundary.ApproverResolution;
import io.afterhours.directory.boundary.ApproverResolution.Reason;
import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.request.control.DeputyAssignments;
import io.afterhours.request.entity.Deputy;
import io.afterhours.request.entity.ExtensionRequest;
import io.afterhours.request.entity.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may decide a request (F3, P10, P13): decided from the directory now, by objectGUID, never the requester. */
class DecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");

    private final Directory directory = mock(Directory.class);
    private final DeputyAssignments deputies = mock(DeputyAssignments.class);
    private final Decisions decisions = new Decisions();
    private final DirectoryPerson zoe = person("zlefevre", Set.of());
    private final DirectoryPerson mathilde = person("mdubois", Set.of());
    private final DirectoryPerson karim = person("kbenali", Set.of());
    private final DirectoryPerson claire = person("cfontaine", Set.of("Afterhours-Approvers"));
    private ExtensionRequest request;

    @BeforeEach
    void setUp() {
        decisions.directory = directory;
        decisions.deputies = deputies;
        decisions.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        when(deputies.active(any(), any(), any())).thenReturn(Optional.empty());
        request = new ExtensionRequest(
                RequestOrigin.AHEAD, zoe.guid(), "zlefevre", "Zoë", NOW, NOW.plusSeconds(3600), "TERMINAL", "x", NOW);
        request.routeTo(mathilde.guid(), "Mathilde", null, "LINE_MANAGER");
        when(directory.findByGuid(zoe.guid())).thenReturn(Optional.of(zoe));
    }

    @Test
    void theCurrentLineManagerDecidesAndNobodyElse() {
        approverIs(mathilde);

        assertTrue(decisions.mayDecide(mathilde, request));
        assertFalse(decisions.mayDecide(karim, request), "another manager");
        assertFalse(decisions.mayDecide(claire, request), "the fallback group while there is a manager");
    }

    @Test
    void whenTheManagerChangesTheOldOneLosesTheRequestAndTheNewOneGetsIt() {
        approverIs(karim);

        assertFalse(decisions.mayDecide(mathilde, request), "routed to her when it was made, not hers any more");
        assertTrue(decisions.mayDecide(karim, request));
    }

    @Test
    void withoutAUsableManagerTheFallbackGroupDecides() {
        when(directory.resolveApprover(zoe))
                .thenReturn(new ApproverResolution(Optional.empty(), "Afterhours-Approvers", Reason.MANAGER_LOOP));

        assertTrue(decisions.mayDecide(claire, request));
        assertFalse(decisions.mayDecide(mathilde, request));
    }

    @Test
    void onceEscalatedTheEscalationApproverDecidesAsWellAsTheLineManager() {
        approverIs(mathilde);
        request.escalateTo(claire.guid(), "Claire", null, NOW);

        assertTrue(decisions.mayDecide(claire, request), "the manager's manager");
        assertTrue(decisions.mayDecide(mathilde, request), "the line manager keeps the right");
        assertFalse(decisions.mayDecide(karim, request));
    }

    @Test
    void escalatedToTheFallbackGroupItsMembersDecideButNeverTheRequester() {
        approverIs(mathilde);
        DirectoryPerson zoeInTheGroup = new DirectoryPerson(
                zoe.guid(), "cn=z", "zlefevre", null, "Zoë", null, null, Set.of("Afterhours-Approvers"), false);
        request.escalateTo(null, null, "Afterhours-Approvers", NOW);

        assertTrue(decisions.mayDecide(claire, request));
        assertFalse(decisions.mayDecide(karim, request), "not in the group");
        assertFalse(decisions.mayDecide(zoeInTheGroup, request), "the requester, even in the group");
    }

    @Test
    void nobodyDecidesTheirOwnRequestWhateverTheirGroupsOrManager() {
        DirectoryPerson zoeTheApprover = person("zlefevre", Set.of("Afterhours-Approvers"));
        DirectoryPerson sameGuid = new DirectoryPerson(
                zoe.guid(), "cn=z", "zlefevre", null, "Zoë", null, null, Set.of("Afterhours-Approvers"), false);
        when(directory.resolveApprover(zoe))
                .thenReturn(new ApproverResolution(Optional.empty(), "Afterhours-Approvers", Reason.MANAGER_IS_SELF));

        assertFalse(decisions.mayDecide(sameGuid, request), "the requester, even in the fallback group");
        assertTrue(decisions.mayDecide(claire, request));
        assertFalse(zoeTheApprover.sameAs(zoe), "a namesake with another GUID is another person");
    }

    @Test
    void theManagersActiveDeputyDecidesOnTheirBehalfButNeverTheirOwnRequest() {
        approverIs(mathilde);
        Deputy karimForMathilde = new Deputy(
                mathilde.guid(),
                "Mathilde",
                karim.guid(),
                "kbenali",
                "Karim",
                NOW.minusSeconds(60),
                NOW.plusSeconds(60),
                NOW);
        when(deputies.active(mathilde.guid(), karim.guid(), NOW)).thenReturn(Optional.of(karimForMathilde));
        when(deputies.active(mathilde.guid(), zoe.guid(), NOW)).thenReturn(Optional.of(karimForMathilde));

        assertEquals(Optional.of(new Decisions.Authority("mdubois")), decisions.authority(karim, request));
        assertEquals(Optional.of(Decisions.Authority.OWN_RIGHT), decisions.authority(mathilde, request));
        assertFalse(decisions.mayDecide(zoe, request), "a deputy never decides their own request");
        assertFalse(decisions.mayDecide(claire, request), "not her deputy");
    }

    @Test
    void aDeputyOfTheFormerManagerLosesTheRequestWithTheManager() {
        approverIs(claire);
        when(deputies.active(mathilde.guid(), karim.guid(), NOW))
                .thenReturn(Optional.of(new Deputy(
                        mathilde.guid(),
                        "M",
                        karim.guid(),
                        "kbenali",
                        "K",
                        NOW.minusSeconds(60),
                        NOW.plusSeconds(60),
                        NOW)));

        assertFalse(decisions.mayDecide(karim, request));
    }

    @Test
    void aRequesterGoneFromTheDirectoryIsLeftToTheFallbackGroupItWasRoutedTo() {
        when(directory.findByGuid(zoe.guid())).thenReturn(Optional.empty());
        request.routeTo(null, null, "Afterhours-Approvers", "NO_MANAGER");

        assertTrue(decisions.mayDecide(claire, request));
        assertFalse(decisions.mayDecide(mathilde, request));
    }

    private void approverIs(DirectoryPerson approver) {
        when(directory.resolveApprover(zoe))
                .thenReturn(new ApproverResolution(Optional.of(approver), null, Reason.LINE_MANAGER));
    }

    private static DirectoryPerson person(String account, Set<String> groups) {
        return new DirectoryPerson(
                UUID.randomUUID(), "cn=" + account, account, null, account, null, null, groups, false);
    }
}
