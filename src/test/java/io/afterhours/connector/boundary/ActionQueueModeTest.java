package io.afterhours.connector.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.afterhours.admin.boundary.SettingsChanged;
import io.afterhours.connector.entity.ActionState;
import io.afterhours.connector.entity.ActionType;
import io.afterhours.connector.entity.UserLockAction;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The hand-over when an administrator switches the connector mode: what is mailed, what is counted and audited. */
class ActionQueueModeTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    ActionQueue queue = new ActionQueue();
    EntityManager em = mock(EntityManager.class);
    Event<ManualActionQueued> mailed;
    TypedQuery<UserLockAction> query;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        mailed = mock(Event.class);
        query = mock(TypedQuery.class);
        queue.em = em;
        queue.manualQueued = mailed;
        queue.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        queue.userLockZone = ZoneId.of("UTC");
        queue.manualServer = "ul-primary";
        queue.domain = "CORP";
        queue.overtimeAction = "LOGOFF";
        when(em.createQuery(anyString(), eq(UserLockAction.class))).thenReturn(query);
        when(query.setParameter(anyString(), any())).thenReturn(query);
        when(query.setLockMode(any())).thenReturn(query);
        when(query.getResultList()).thenReturn(List.of(action(41, "AH-AAAAAAAA"), action(42, "AH-BBBBBBBB")));
    }

    @Test
    void toManualMailsEveryQueuedActionWithItsCommandsAndCountsThem() {
        SettingsChanged changed = new SettingsChanged("afterhours.connector.mode", "bridge", "manual");

        queue.onModeChanged(changed);

        ArgumentCaptor<ManualActionQueued> sent = ArgumentCaptor.forClass(ManualActionQueued.class);
        verify(mailed, times(2)).fire(sent.capture());
        assertEquals(
                List.of(41L, 42L),
                sent.getAllValues().stream().map(ManualActionQueued::actionId).toList());
        ManualActionQueued first = sent.getAllValues().get(0);
        assertEquals("APPLY", first.type());
        assertEquals("AH-AAAAAAAA", first.accountKey());
        assertEquals(List.of(7L), first.requestIds());
        assertTrue(
                first.commands().stream().anyMatch(c -> c.contains("'ul-primary'")),
                "the commands a newly queued action would carry: " + first.commands());
        verify(query).setParameter("queued", ActionState.QUEUED);
        verify(query).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        assertEquals(1, changed.effects().size());
        assertEquals(
                "2 queued action(s) mailed to the administrators to apply by hand",
                changed.effects().get(0).note());
        assertEquals("settings.effect.manual|2", changed.effects().get(0).message());
    }

    @Test
    void toBridgeMailsNothingAndCountsWhatABridgeMayNowLease() {
        SettingsChanged changed = new SettingsChanged("afterhours.connector.mode", "manual", "bridge");

        queue.onModeChanged(changed);

        verify(mailed, never()).fire(any());
        assertEquals(
                "2 queued action(s) now leasable by a bridge",
                changed.effects().get(0).note());
        assertEquals("settings.effect.bridge|2", changed.effects().get(0).message());
    }

    @Test
    void anotherSettingOrNoRealChangeHandsNothingOver() {
        SettingsChanged other = new SettingsChanged("afterhours.connector.overtime-action", "LOGOFF", "LOCK");
        SettingsChanged same = new SettingsChanged("afterhours.connector.mode", "BRIDGE", "bridge");

        queue.onModeChanged(other);
        queue.onModeChanged(same);

        verifyNoInteractions(em, mailed);
        assertTrue(other.effects().isEmpty());
        assertTrue(same.effects().isEmpty());
    }

    private static UserLockAction action(long id, String key) {
        UserLockAction action = new UserLockAction(
                ActionType.APPLY,
                key,
                "guid-" + id,
                "CORP\\worker" + id,
                NOW.plusSeconds(3600),
                NOW.plusSeconds(7200),
                null,
                null,
                "WORKSTATION",
                "7",
                NOW);
        try {
            Field field = UserLockAction.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(action, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return action;
    }
}
