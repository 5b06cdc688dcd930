package io.afterhours.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.admin.entity.StoredSetting;
import io.afterhours.audit.boundary.AuditLog;
import io.afterhours.audit.boundary.AuditRecord;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.boundary.Roles;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The rules of saving a setting: who, pinned keys, bad values, and the audit entry. */
class SettingsAdministrationTest {

    SettingsAdministration admin = new SettingsAdministration();
    EntityManager em = mock(EntityManager.class);
    AuditLog auditLog = mock(AuditLog.class);
    Settings settings = mock(Settings.class);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        admin.em = em;
        admin.auditLog = auditLog;
        admin.settings = settings;
        admin.clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        admin.changed = mock(Event.class);
        admin.security = signedIn("aadmin", true);
        TypedQuery<StoredSetting> none = mock(TypedQuery.class);
        when(none.getResultList()).thenReturn(List.of());
        when(em.createQuery("SELECT s FROM StoredSetting s", StoredSetting.class))
                .thenReturn(none);
        when(settings.pinnedBy(any())).thenReturn(Optional.empty());
        when(settings.configured("afterhours.request.max-length")).thenReturn(Optional.of("PT8H"));
        when(settings.configured("afterhours.request.default-length")).thenReturn(Optional.of("PT2H"));
    }

    @Test
    void savesTheNormalisedValueAndAuditsBeforeAndAfter() {
        SettingSummary saved =
                admin.save("afterhours.request.max-length", "pt3h", 0).setting();

        assertEquals("PT3H", saved.value());
        assertEquals(SettingSummary.Source.SAVED, saved.source());
        verify(em).persist(any(StoredSetting.class));
        ArgumentCaptor<AuditRecord> audited = ArgumentCaptor.forClass(AuditRecord.class);
        verify(auditLog).append(audited.capture());
        assertEquals("setting.changed", audited.getValue().action());
        assertEquals(
                "afterhours.request.max-length: PT8H -> PT3H",
                audited.getValue().details());
        assertEquals("aadmin", audited.getValue().actor());
    }

    @Test
    void aPinnedSettingIsRefusedAndNothingIsWritten() {
        when(settings.pinnedBy("afterhours.request.max-length")).thenReturn(Optional.of("EnvironmentVariables"));

        SettingRefused refused =
                assertThrows(SettingRefused.class, () -> admin.save("afterhours.request.max-length", "PT3H", 0));

        assertEquals(List.of("settings.problem.pinned"), refused.problems());
        verify(em, never()).persist(any());
        verify(auditLog, never()).append(any());
    }

    @Test
    void badValuesUnknownKeysAndUnknownGroupsAreRefused() {
        assertEquals(
                List.of("settings.problem.positiveDuration"),
                assertThrows(SettingRefused.class, () -> admin.save("afterhours.request.max-length", "-PT1H", 0))
                        .problems());
        assertEquals(
                List.of("settings.problem.defaultAboveMax"),
                assertThrows(SettingRefused.class, () -> admin.save("afterhours.request.default-length", "PT9H", 0))
                        .problems());
        assertEquals(
                List.of("settings.problem.unknown"),
                assertThrows(SettingRefused.class, () -> admin.save("afterhours.mail.password", "secret", 0))
                        .problems());
        assertEquals(
                List.of("settings.problem.group"),
                assertThrows(SettingRefused.class, () -> admin.list("secrets")).problems());
        verify(em, never()).persist(any());
        verify(auditLog, never()).append(any());
    }

    @Test
    void onlyAdministratorsMaySaveOrList() {
        admin.security = signedIn("zlefevre", false);

        assertThrows(AccessRefused.class, () -> admin.save("afterhours.request.max-length", "PT3H", 0));
        assertThrows(AccessRefused.class, () -> admin.list("request"));
        verify(em, never()).persist(any());
    }

    private static SecurityContext signedIn(String account, boolean administrator) {
        SecurityContext security = mock(SecurityContext.class);
        Principal principal = () -> account;
        when(security.getCallerPrincipal()).thenReturn(principal);
        when(security.isCallerInRole(Roles.ADMINISTRATOR)).thenReturn(administrator);
        return security;
    }
}
