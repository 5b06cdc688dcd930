package io.afterhours.request.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.request.control.RequestLifecycle.IllegalTransition;
import io.afterhours.request.entity.RequestState;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The request lifecycle of product.md F2, edge by edge. */
class RequestLifecycleTest {

    @Test
    void followsTheHappyPathFromDraftToEnded() {
        RequestState state = RequestState.DRAFT;
        for (RequestState next : new RequestState[] {
            RequestState.PENDING,
            RequestState.APPROVED,
            RequestState.APPLYING,
            RequestState.SCHEDULED,
            RequestState.ACTIVE,
            RequestState.ENDED
        }) {
            state = RequestLifecycle.move(state, next);
        }
        assertEquals(RequestState.ENDED, state);
    }

    @Test
    void aPendingRequestIsDecidedWithdrawnOrExpiresAndNothingElse() {
        assertEquals(
                EnumSet.of(RequestState.APPROVED, RequestState.DENIED, RequestState.CANCELLED, RequestState.EXPIRED),
                reachableFrom(RequestState.PENDING));
    }

    @Test
    void grantedWindowsCanBeEndedEarlyButNotWithdrawn() {
        for (RequestState granted :
                EnumSet.of(RequestState.APPROVED, RequestState.APPLYING, RequestState.SCHEDULED, RequestState.ACTIVE)) {
            assertTrue(RequestLifecycle.allows(granted, RequestState.REVOKED), granted.name());
            assertFalse(RequestLifecycle.allows(granted, RequestState.CANCELLED), granted.name());
            assertFalse(RequestLifecycle.allows(granted, RequestState.DENIED), granted.name());
        }
    }

    @Test
    void aFailedApplyCanBeRetriedOrEnded() {
        assertEquals(EnumSet.of(RequestState.APPLYING, RequestState.REVOKED), reachableFrom(RequestState.FAILED));
    }

    @ParameterizedTest
    @EnumSource(
            value = RequestState.class,
            names = {"ENDED", "DENIED", "EXPIRED", "CANCELLED", "REVOKED"})
    void finalStatesNeverChange(RequestState done) {
        assertEquals(Set.of(), reachableFrom(done));
        IllegalTransition refused =
                assertThrows(IllegalTransition.class, () -> RequestLifecycle.move(done, RequestState.APPROVED));
        assertEquals(done, refused.from());
        assertTrue(refused.getMessage().contains(done.name()));
    }

    @Test
    void decidingTwiceIsRefused() {
        RequestState approved = RequestLifecycle.move(RequestState.PENDING, RequestState.APPROVED);
        assertThrows(IllegalTransition.class, () -> RequestLifecycle.move(approved, RequestState.APPROVED));
        assertThrows(IllegalTransition.class, () -> RequestLifecycle.move(approved, RequestState.DENIED));
    }

    @Test
    void onlyDraftAndPendingAreOpenAndOnlyApprovedToActiveAreGranted() {
        assertEquals(
                EnumSet.of(RequestState.DRAFT, RequestState.PENDING),
                EnumSet.copyOf(EnumSet.allOf(RequestState.class).stream()
                        .filter(RequestState::isOpen)
                        .toList()));
        assertEquals(
                EnumSet.of(RequestState.APPROVED, RequestState.APPLYING, RequestState.SCHEDULED, RequestState.ACTIVE),
                EnumSet.copyOf(EnumSet.allOf(RequestState.class).stream()
                        .filter(RequestState::isGranted)
                        .toList()));
    }

    private static Set<RequestState> reachableFrom(RequestState from) {
        Set<RequestState> reachable = EnumSet.noneOf(RequestState.class);
        for (RequestState to : RequestState.values()) {
            if (RequestLifecycle.allows(from, to)) {
                reachable.add(to);
            }
        }
        return reachable;
    }
}
