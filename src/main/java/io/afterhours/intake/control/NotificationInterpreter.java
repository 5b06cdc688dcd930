package io.afterhours.intake.control;

import io.afterhours.hours.boundary.WorkingTime;
import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import io.afterhours.platform.control.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a raw body into an {@link IncomingNotification}: parse, authenticate, check the confirmed members' types,
 * map the other fields, classify, and compute the de-duplication key. Order matters: the body is bounded and parsed
 * before authentication (there is no other place the ID could be), and types are checked only after it, so an
 * unauthenticated sender learns nothing about what a valid body looks like.
 */
@ApplicationScoped
public class NotificationInterpreter {

    static final String REDACTED = "[redacted]";

    private volatile ZoneId userLockZoneId;

    @Inject
    UserLockIdWhitelist whitelist;

    @Inject
    FieldMapping mapping;

    @Inject
    EventTypeTable eventTypes;

    @Inject
    WorkingTime workingHours;

    @Inject
    @ConfigProperty(name = "afterhours.intake.max-depth")
    int maxDepth;

    @Inject
    @ConfigProperty(name = "afterhours.userlock.zone")
    String userLockZone;

    @Inject
    @ConfigProperty(name = "afterhours.intake.skew.future")
    Duration futureTolerance;

    @Inject
    @ConfigProperty(name = "afterhours.intake.skew.past")
    Duration pastTolerance;

    public IncomingNotification interpret(byte[] body, Instant receivedAt) {
        Map<String, Object> document = StrictJson.parseObject(body, maxDepth);

        Object server = StrictJson.member(document, "Userlock");
        Object id = server instanceof Map<?, ?> serverObject ? member(serverObject, "Id") : null;
        if (!(id instanceof String presented) || presented.isEmpty()) {
            throw new IntakeRejection(RejectionReason.UNAUTHENTICATED, "");
        }
        ServerSlot slot = whitelist
                .match(presented)
                .orElseThrow(() -> new IntakeRejection(RejectionReason.UNAUTHENTICATED, "", presented));

        // Mapped columns come from the redacted copy too: a field that quotes the ID must not put it in a column.
        return build(document, redact(document, UserLockIdWhitelist.normalise(presented)), slot, receivedAt);
    }

    /**
     * Interprets a stored notification again, under the field mapping, event-type table and working hours in effect
     * now (the Field mapping page's "Reclassify stored notifications"). {@code rawJson} is the stored copy: it was
     * authenticated when it arrived and its ID is redacted, so it is neither authenticated nor redacted again.
     */
    public IncomingNotification reinterpret(String rawJson, Instant receivedAt, ServerSlot slot) {
        Map<String, Object> document = StrictJson.parseObject(rawJson.getBytes(StandardCharsets.UTF_8), maxDepth);
        return build(document, document, slot, receivedAt);
    }

    private IncomingNotification build(
            Map<String, Object> document, Map<String, Object> redacted, ServerSlot slot, Instant receivedAt) {
        Object server = StrictJson.member(document, "Userlock");
        Map<?, ?> serverObject = server instanceof Map<?, ?> object ? object : Map.of();
        String fqdn = optionalString(member(serverObject, "FQDN"), "Userlock.FQDN");
        String displayName = optionalString(member(serverObject, "DisplayName"), "Userlock.DisplayName");
        Integer eventType = optionalInteger(StrictJson.member(document, "EventType"));
        String eventTimeText = optionalString(StrictJson.member(document, "EventTime"), "EventTime");

        // Parsed once: the exact instant names the event (dedupe key), the microsecond one is what is stored.
        Optional<Instant> exactEventTime =
                Optional.ofNullable(eventTimeText).flatMap(text -> EventTimes.parseExact(text, userLockZoneId()));
        Optional<Instant> eventTime = exactEventTime.map(instant -> instant.truncatedTo(ChronoUnit.MICROS));
        TimeQuality quality = timeQuality(eventTimeText, eventTime, receivedAt);
        Instant classifiedAt = eventTime.orElse(receivedAt);

        FieldMapping.Rules rules = mapping.current();
        Map<LogicalField, String> fields = rules.extract(redacted);
        String user = fields.get(LogicalField.USER);
        String domain = fields.get(LogicalField.DOMAIN);
        if (user != null && domain == null && user.indexOf('\\') > 0) {
            // "CORP\jdoe": the domain travels inside the account name.
            domain = user.substring(0, user.indexOf('\\'));
            user = user.substring(user.indexOf('\\') + 1);
        }
        if (user != null && user.isBlank()) {
            // "CORP\" names no one: store no user, so "mapped" and "has a user" stay the same thing.
            user = null;
        }
        EventCategory category = eventTypes.categoryOf(eventType);

        return new IncomingNotification(
                dedupeKey(document, exactEventTime),
                receivedAt,
                eventTime.orElse(null),
                StoredText.column(eventTimeText, 64),
                quality,
                eventType,
                category,
                classify(category, classifiedAt),
                user != null,
                slot,
                StoredText.column(fqdn, 255),
                StoredText.column(displayName, 255),
                StoredText.column(user, 512),
                StoredText.column(domain, 255),
                StoredText.column(fields.get(LogicalField.COMPUTER), 512),
                StoredText.column(fields.get(LogicalField.CLIENT_ADDRESS), 255),
                StoredText.column(fields.get(LogicalField.SESSION_TYPE), 64),
                StoredText.column(fields.get(LogicalField.SESSION_ID), 128),
                StoredText.column(fields.get(LogicalField.DETAILS), 2000),
                StoredText.column(String.join(",", rules.unmappedMembers(document)), 1000),
                JsonText.write(redacted));
    }

    /** Looked up once: ZoneId.of parses and searches the zone rules on every call. */
    private ZoneId userLockZoneId() {
        ZoneId zone = userLockZoneId;
        if (zone == null) {
            zone = ZoneId.of(userLockZone);
            userLockZoneId = zone;
        }
        return zone;
    }

    Classification classify(EventCategory category, Instant at) {
        return switch (category) {
            case DENIED_BY_USERLOCK ->
                workingHours.isWorkingTime(at) ? Classification.IN_HOURS_DENIAL : Classification.OUT_OF_HOURS_DENIAL;
            case DENIED_BY_AD -> Classification.AD_DENIAL;
            case UNKNOWN -> Classification.UNKNOWN_EVENT;
            default -> Classification.SESSION_EVENT;
        };
    }

    private TimeQuality timeQuality(String text, Optional<Instant> parsed, Instant receivedAt) {
        if (text == null) {
            return TimeQuality.MISSING;
        }
        if (parsed.isEmpty()) {
            return TimeQuality.UNPARSABLE;
        }
        if (parsed.get().isAfter(receivedAt.plus(futureTolerance))) {
            return TimeQuality.FUTURE;
        }
        if (parsed.get().isBefore(receivedAt.minus(pastTolerance))) {
            return TimeQuality.PAST;
        }
        return TimeQuality.OK;
    }

    /**
     * The event's identity: a SHA-256 over the canonical body without the {@code Userlock} member, so the Primary's
     * and the Backup's copies of one event collapse (reliability.md §1.4). The whole remaining content is used, not
     * just the mapped fields, so a wrong mapping can never merge two different events. A parsable EventTime is
     * replaced by its instant, so the same moment written with different offsets is one event.
     */
    static String dedupeKey(Map<String, Object> document, Optional<Instant> eventTime) {
        Map<String, Object> identity = new LinkedHashMap<>();
        document.forEach((name, value) -> {
            String folded = StrictJson.foldCase(name);
            if (folded.equals("userlock")) {
                return;
            }
            identity.put(
                    name,
                    folded.equals("eventtime") && eventTime.isPresent()
                            ? eventTime.get().toString()
                            : value);
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(JsonText.canonical(identity).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A copy with {@code Userlock.Id} and any other string equal to, or containing, the presented ID replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> redact(Map<String, Object> object, String normalisedId) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> copy.put(name, redactValue(value, normalisedId)));
        Object server = StrictJson.member(copy, "Userlock");
        if (server instanceof Map<?, ?> serverObject) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) serverObject).entrySet()) {
                if (StrictJson.foldCase(entry.getKey()).equals("id")) {
                    entry.setValue(REDACTED);
                }
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(Object value, String normalisedId) {
        if (value instanceof Map<?, ?> map) {
            return redact((Map<String, Object>) map, normalisedId);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(redactValue(item, normalisedId)));
            return copy;
        }
        if (value instanceof String text && UserLockIdWhitelist.normalise(text).equals(normalisedId)) {
            return REDACTED;
        }
        if (value instanceof String text && !normalisedId.isEmpty()) {
            return redactInside(text, normalisedId);
        }
        return value;
    }

    /** Replaces every occurrence of the ID inside a longer text, in any ASCII case. */
    private static String redactInside(String text, String normalisedId) {
        // foldCase changes ASCII letters only, so indexes in the folded text are indexes in the original.
        String folded = StrictJson.foldCase(text);
        int at = folded.indexOf(normalisedId);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            out.append(text, from, at).append(REDACTED);
            from = at + normalisedId.length();
            at = folded.indexOf(normalisedId, from);
        }
        return out.append(text, from, text.length()).toString();
    }

    @SuppressWarnings("unchecked")
    private static Object member(Map<?, ?> object, String name) {
        return StrictJson.member((Map<String, Object>) object, name);
    }

    private static String optionalString(Object value, String name) {
        if (value == null || value == StrictJson.NULL) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new IntakeRejection(RejectionReason.MALFORMED, name + " must be a string.");
    }

    private static Integer optionalInteger(Object value) {
        if (value == null || value == StrictJson.NULL) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new IntakeRejection(RejectionReason.MALFORMED, "EventType must be an integer.");
            }
        }
        throw new IntakeRejection(RejectionReason.MALFORMED, "EventType must be an integer.");
    }
}
