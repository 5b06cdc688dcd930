package io.afterhours.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.endsWith;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.directory.control.AccountName;
import io.afterhours.directory.control.LdapDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory cache: short-lived, so AD changes show up within the TTL (P13), and failures are never cached. */
class DirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");

    private final LdapDirectory ldap = mock(LdapDirectory.class);
    private final Directory directory = new Directory();
    private final DirectoryPerson zoe = new DirectoryPerson(
            UUID.randomUUID(),
            "cn=Zoë",
            "zlefevre",
            "zlefevre@corp.local",
            "Zoë Lefèvre",
            "zlefevre@corp.local",
            null,
            Set.of(),
            false);

    @BeforeEach
    void setUp() {
        directory.ldap = ldap;
        directory.cacheTtl = Duration.ofMinutes(2);
        directory.fallbackGroup = "Afterhours-Approvers";
        directory.maxManagerHops = 5;
        directory.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void answersRepeatedLookupsFromTheCacheWithinTheLifetime() {
        when(ldap.findByAccount(any(AccountName.class))).thenReturn(Optional.of(zoe));

        directory.findByAccount("CORP\\zlefevre");
        directory.clock = Clock.fixed(NOW.plusSeconds(119), ZoneOffset.UTC);
        Optional<DirectoryPerson> again = directory.findByAccount("corp\\zlefevre");

        assertEquals(Optional.of(zoe), again);
        verify(ldap, times(1)).findByAccount(any(AccountName.class));
    }

    @Test
    void asksTheDirectoryAgainOnceTheLifetimeIsOver() {
        when(ldap.findByAccount(any(AccountName.class))).thenReturn(Optional.of(zoe));

        directory.findByAccount("zlefevre");
        directory.clock = Clock.fixed(NOW.plusSeconds(121), ZoneOffset.UTC);
        directory.findByAccount("zlefevre");

        verify(ldap, times(2)).findByAccount(any(AccountName.class));
    }

    @Test
    void neverCachesAnOutage() {
        when(ldap.findByAccount(any(AccountName.class)))
                .thenThrow(new DirectoryUnavailable("down", null))
                .thenReturn(Optional.of(zoe));

        assertThrows(DirectoryUnavailable.class, () -> directory.findByAccount("zlefevre"));
        assertEquals(Optional.of(zoe), directory.findByAccount("zlefevre"));
    }

    @Test
    void resolvesThroughTheCachedLookups() {
        ApproverResolution resolution = directory.resolveApprover(zoe);

        assertEquals(ApproverResolution.Reason.NO_MANAGER, resolution.reason());
        assertEquals("Afterhours-Approvers", resolution.fallbackGroup());
    }

    @Test
    void demoModeRefusesToStartWhenARealDirectoryIsConfigured() {
        Config config = mock(Config.class);
        when(config.getValue("afterhours.directory.mode", String.class)).thenReturn("demo");
        when(config.getOptionalValue("afterhours.directory.url", String.class))
                .thenReturn(Optional.of("ldaps://dc01.corp.example:636"));
        when(config.getValue(endsWith("timeout"), eq(Duration.class))).thenReturn(Duration.ofSeconds(5));
        when(config.getValue("afterhours.directory.cache-ttl", Duration.class)).thenReturn(Duration.ofMinutes(2));
        when(config.getValue(endsWith("group"), eq(String.class))).thenReturn("Some-Group");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Directory().open(config));
        assertTrue(refused.getMessage().contains("AFTERHOURS_DIRECTORY_MODE=ldap"));
    }

    @Test
    void refusesAnUnknownMode() {
        Config config = mock(Config.class);
        when(config.getValue("afterhours.directory.mode", String.class)).thenReturn("ad");
        when(config.getOptionalValue("afterhours.directory.url", String.class)).thenReturn(Optional.empty());
        when(config.getValue(anyString(), eq(Duration.class))).thenReturn(Duration.ofSeconds(5));

        assertThrows(IllegalStateException.class, () -> new Directory().open(config));
    }
}
