package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.directory.boundary.Directory;
import io.afterhours.directory.boundary.DirectoryPerson;
import io.afterhours.directory.boundary.Preferences;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    private final Directory directory = mock(Directory.class);
    private final Preferences preferences = mock(Preferences.class);
    private final Recipients recipients = recipients();

    private Recipients recipients() {
        Recipients r = new Recipients();
        r.directory = directory;
        r.preferences = preferences;
        r.defaultLanguage = "en";
        r.adminAddress = Optional.of("ops@corp.example");
        return r;
    }

    private DirectoryPerson person(String mail, String language) {
        UUID guid = UUID.randomUUID();
        DirectoryPerson p = new DirectoryPerson(
                guid, "cn=x", "x", "x@corp", "Zoé", mail, null, Set.of("Afterhours-Admins"), false, language);
        when(directory.findByGuid(guid)).thenReturn(Optional.of(p));
        when(preferences.zoneOf(guid)).thenReturn(ZoneId.of("Europe/Paris"));
        when(preferences.languageOf(guid)).thenReturn(Optional.empty());
        return p;
    }

    @Test
    void theDirectoryLanguageAndTheOwnZoneAreUsed() {
        DirectoryPerson zoe = person("zoe@corp", "fr-FR");

        Recipient r = recipients.person(zoe.guid()).orElseThrow();

        assertEquals(Locale.FRENCH, r.locale());
        assertEquals(ZoneId.of("Europe/Paris"), r.zone());
        assertEquals("zoe@corp", r.address());
    }

    @Test
    void aLanguageChosenOnMyProfileWinsOverTheDirectory() {
        DirectoryPerson zoe = person("zoe@corp", "fr");
        when(preferences.languageOf(zoe.guid())).thenReturn(Optional.of("en"));

        assertEquals(Locale.ENGLISH, recipients.person(zoe.guid()).orElseThrow().locale());
    }

    @Test
    void someoneWithoutAnAddressGetsNothing() {
        DirectoryPerson nobody = person(" ", "fr");

        assertTrue(recipients.person(nobody.guid()).isEmpty());
    }

    @Test
    void administratorsAreTheGroupsMembersAndTheExtraAddressEachOnce() {
        DirectoryPerson admin = person("OPS@corp.example", null);
        when(directory.adminGroup()).thenReturn("Afterhours-Admins");
        when(directory.members("Afterhours-Admins")).thenReturn(java.util.List.of(admin));
        when(preferences.organisationZone()).thenReturn(ZoneId.of("UTC"));

        assertEquals(
                java.util.List.of("OPS@corp.example"),
                recipients.administrators().stream().map(Recipient::address).toList());
    }

    @Test
    void theAuditDigestGoesToAuditorsAndAdministratorsEachOnce() {
        DirectoryPerson auditor = person("audit@corp.example", null);
        DirectoryPerson both = person("both@corp.example", null);
        DirectoryPerson admin = person("admin@corp.example", null);
        when(directory.auditorGroup()).thenReturn("Afterhours-Auditors");
        when(directory.adminGroup()).thenReturn("Afterhours-Admins");
        when(directory.members("Afterhours-Auditors")).thenReturn(java.util.List.of(auditor, both));
        when(directory.members("Afterhours-Admins")).thenReturn(java.util.List.of(both, admin));
        when(preferences.organisationZone()).thenReturn(ZoneId.of("UTC"));

        assertEquals(
                java.util.List.of("audit@corp.example", "both@corp.example", "admin@corp.example", "ops@corp.example"),
                recipients.auditorsAndAdministrators().stream()
                        .map(Recipient::address)
                        .toList());
    }
}
