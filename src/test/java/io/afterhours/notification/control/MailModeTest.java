package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailModeTest {

    @Test
    void demoMailGoesWithTheDemoDirectory() {
        assertEquals(MailMode.DEMO, MailMode.of("demo", "demo"));
        assertEquals(MailMode.SMTP, MailMode.of(" SMTP ", "demo"));
        assertEquals(MailMode.SMTP, MailMode.of("smtp", "ldap"));
    }

    @Test
    void demoMailWithARealDirectoryRefusesToStartAndSaysWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MailMode.of("demo", "ldap"));

        assertTrue(refused.getMessage().contains("AFTERHOURS_MAIL_MODE=smtp"), refused.getMessage());
    }

    @Test
    void anUnknownModeRefusesToStart() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> MailMode.of("greenmail", "demo"));

        assertTrue(refused.getMessage().contains("smtp or demo"), refused.getMessage());
    }
}
