package io.afterhours.notification.control;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** Whom a mail goes to, and how to write it for them: their address, name, time zone and language. */
public record Recipient(UUID guid, String address, String name, ZoneId zone, Locale locale) {}
