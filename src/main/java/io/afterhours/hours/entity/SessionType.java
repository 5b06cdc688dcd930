package io.afterhours.hours.entity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The session types a UserLock hour restriction can target (userlock.md 1.4): workstation (console, or RDP to a
 * workstation OS), terminal (RDP to a server), Wi-Fi/VPN (RADIUS), IIS and SaaS.
 */
public enum SessionType {
    WORKSTATION,
    TERMINAL,
    WIFI_VPN,
    IIS,
    SAAS;

    /** A type named in text as the webhook or a form writes it (any case; a few common aliases), if it names one. */
    public static Optional<SessionType> named(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (name) {
            case "WORKSTATION", "CONSOLE", "INTERACTIVE" -> Optional.of(WORKSTATION);
            case "TERMINAL", "RDP", "REMOTE_DESKTOP" -> Optional.of(TERMINAL);
            case "WIFI_VPN", "WIFI", "VPN", "RADIUS" -> Optional.of(WIFI_VPN);
            case "IIS", "WEB" -> Optional.of(IIS);
            case "SAAS" -> Optional.of(SAAS);
            default -> Optional.empty();
        };
    }

    /**
     * The types a denial may have been for: the one its session-type field names, else the family its EventType code
     * belongs to (userlock.md 1.3: 1xx IIS, 2xx Wi-Fi/VPN, 5xx SaaS, the rest interactive, which does not tell the
     * desk from remote desktop), else any.
     */
    public static Set<SessionType> candidates(String sessionTypeField, Integer eventType) {
        Optional<SessionType> named = named(sessionTypeField);
        if (named.isPresent()) {
            return EnumSet.of(named.get());
        }
        if (eventType == null) {
            return EnumSet.allOf(SessionType.class);
        }
        return switch (eventType / 100) {
            case 1 -> EnumSet.of(IIS);
            case 2 -> EnumSet.of(WIFI_VPN);
            case 5 -> EnumSet.of(SAAS);
            case 0, 4 -> EnumSet.of(WORKSTATION, TERMINAL);
            default -> EnumSet.allOf(SessionType.class);
        };
    }
}
