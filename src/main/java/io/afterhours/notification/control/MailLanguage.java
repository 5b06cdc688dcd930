package io.afterhours.notification.control;

import java.util.Locale;

/**
 * The language of a person's mails: what the directory's language attribute says ("fr", "fr-FR", "fr_CA", "French"
 * is not a tag and is ignored), when the portal has texts for it; otherwise the configured default.
 */
public final class MailLanguage {

    /** The languages the mail texts exist in. */
    static final java.util.List<Locale> SUPPORTED = java.util.List.of(Locale.ENGLISH, Locale.FRENCH);

    private MailLanguage() {}

    public static Locale choose(String directoryValue, String defaultLanguage) {
        return supported(directoryValue)
                .orElseGet(() -> supported(defaultLanguage).orElse(Locale.ENGLISH));
    }

    private static java.util.Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return java.util.Optional.empty();
        }
        // AD stores "fr-FR"; some directories "fr_FR": the language is what comes before either.
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }
}
