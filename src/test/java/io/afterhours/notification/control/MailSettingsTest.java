package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.afterhours.admin.boundary.Settings;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mail setting saved on the Settings page is used from the next mail on, without a restart. */
class MailSettingsTest {

    @Test
    void aChangedSmtpSettingBuildsANewSessionAndAnUnchangedOneKeepsIt() {
        Settings portal = mock(Settings.class);
        when(portal.value("afterhours.mail.host")).thenReturn("smtp1.corp.example");
        when(portal.value("afterhours.mail.port")).thenReturn("25");
        when(portal.value("afterhours.mail.security")).thenReturn("none");
        when(portal.value("afterhours.mail.from")).thenReturn("afterhours@corp.example");
        when(portal.value("afterhours.mail.reply-to")).thenReturn("");
        when(portal.duration("afterhours.mail.connect-timeout")).thenReturn(Duration.ofSeconds(10));
        when(portal.duration("afterhours.mail.read-timeout")).thenReturn(Duration.ofSeconds(30));
        MailSettings settings = new MailSettings();
        settings.portal = portal;
        settings.username = Optional.empty();
        settings.password = Optional.empty();

        Session first = settings.session();
        assertEquals("smtp1.corp.example", first.getProperty("mail.smtp.host"));
        assertSame(first, settings.session(), "built once while nothing changes");
        assertEquals(Optional.empty(), settings.replyTo(), "empty reply-to: none");

        when(portal.value("afterhours.mail.host")).thenReturn("smtp2.corp.example");
        when(portal.value("afterhours.mail.port")).thenReturn("587");
        when(portal.value("afterhours.mail.security")).thenReturn("starttls");
        Session second = settings.session();

        assertNotSame(first, second);
        assertEquals("smtp2.corp.example", second.getProperty("mail.smtp.host"));
        assertEquals("587", second.getProperty("mail.smtp.port"));
        assertEquals("true", second.getProperty("mail.smtp.starttls.required"));
        assertEquals("smtp2.corp.example:587", settings.server());
    }
}
