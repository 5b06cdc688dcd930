package io.afterhours.intake.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.intake.control.ServerSlot;
import io.afterhours.intake.control.UserLockIdWhitelist;
import io.afterhours.intake.entity.UserLockId;
import io.afterhours.platform.boundary.Roles;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserLockIdsTest {

    @Test
    void theOperatorsIdsAreListedByTheirLastFourCharactersIncludingTheOutgoingOne() {
        UserLockIdWhitelist whitelist = mock(UserLockIdWhitelist.class);
        when(whitelist.configuredHints()).thenReturn(Map.of(ServerSlot.PRIMARY, "1aaa", ServerSlot.PREVIOUS, "2bbb"));
        when(whitelist.lastSeen(any(ServerSlot.class))).thenReturn(Optional.empty());
        UserLockIds ids = boundary(whitelist);

        List<UserLockIdSummary> listed = ids.list();

        assertEquals(
                List.of("PRIMARY", "PREVIOUS"),
                listed.stream().map(UserLockIdSummary::slot).toList());
        assertEquals(
                List.of("1aaa", "2bbb"),
                listed.stream().map(UserLockIdSummary::hint).toList());
        listed.forEach(id -> assertEquals(UserLockIdSummary.State.PINNED, id.state()));
    }

    @SuppressWarnings("unchecked")
    private static UserLockIds boundary(UserLockIdWhitelist whitelist) {
        UserLockIds ids = new UserLockIds();
        ids.whitelist = whitelist;
        ids.clock = Clock.systemUTC();
        ids.security = mock(SecurityContext.class);
        when(ids.security.isCallerInRole(Roles.ADMINISTRATOR)).thenReturn(true);
        when(ids.security.getCallerPrincipal()).thenReturn(() -> "aadmin");
        ids.em = mock(EntityManager.class);
        TypedQuery<UserLockId> none = mock(TypedQuery.class, RETURNS_SELF);
        when(none.getResultList()).thenReturn(List.of());
        when(ids.em.createQuery(anyString(), any(Class.class))).thenReturn(none);
        return ids;
    }
}
