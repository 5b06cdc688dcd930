package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailLanguageTest {

    @Test
    void theDirectoryLanguageWinsWhenThereAreTextsForIt() {
        assertEquals(Locale.FRENCH, MailLanguage.choose("fr", "en"));
        assertEquals(Locale.FRENCH, MailLanguage.choose("fr-FR", "en"));
        assertEquals(Locale.FRENCH, MailLanguage.choose(" fr_CA ", "en"));
        assertEquals(Locale.ENGLISH, MailLanguage.choose("en-GB", "fr"));
    }

    @Test
    void noLanguageOrOneWithoutTextsFallsBackToTheDefault() {
        assertEquals(Locale.FRENCH, MailLanguage.choose(null, "fr"));
        assertEquals(Locale.FRENCH, MailLanguage.choose("  ", "fr"));
        assertEquals(Locale.FRENCH, MailLanguage.choose("de-DE", "fr"));
        assertEquals(Locale.ENGLISH, MailLanguage.choose("French", "en"));
    }

    @Test
    void anUnusableDefaultMeansEnglish() {
        assertEquals(Locale.ENGLISH, MailLanguage.choose(null, "xx"));
        assertEquals(Locale.ENGLISH, MailLanguage.choose(null, null));
    }
}
