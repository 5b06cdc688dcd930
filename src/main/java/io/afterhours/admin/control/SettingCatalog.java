package io.afterhours.admin.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings an administrator may change in the portal, by group, with the rule each value must follow. A key not
 * listed here is configuration only. {@link #check} returns message keys ({@code key|argument}), so a refused save can
 * name every problem; {@link #normalise} is what gets stored and audited (for example {@code PT1H}, not {@code pt60m}).
 */
public final class SettingCatalog {

    /** How a value is read and checked. */
    public enum Kind {
        /** An ISO-8601 duration greater than zero. */
        POSITIVE_DURATION,
        /** An ISO-8601 duration, zero allowed. */
        DURATION,
        BOOLEAN,
        /** One of {@link Definition#choices()}. */
        CHOICE,
        /** A host name or IP address. */
        HOST,
        /** A TCP port, 1 to 65535. */
        PORT,
        /** One email address. */
        ADDRESS,
        /** One email address, or empty for none. */
        OPTIONAL_ADDRESS,
        /** A short line of text, not empty. */
        TEXT,
        /** Field-mapping candidates: comma-separated member names or JSON pointers ("/a/b"); may be empty. */
        CANDIDATES,
        /** As {@link #CANDIDATES}, with at least one candidate. */
        REQUIRED_CANDIDATES
    }

    public record Definition(String key, String group, Kind kind, List<String> choices) {}

    private static final Map<String, Definition> ALL = new LinkedHashMap<>();

    static {
        add("afterhours.request.default-length", "request", Kind.POSITIVE_DURATION);
        add("afterhours.request.max-length", "request", Kind.POSITIVE_DURATION);
        add("afterhours.request.max-ahead", "request", Kind.DURATION);
        add("afterhours.request.reason-required", "request", Kind.BOOLEAN);
        add("afterhours.request.submit", "request", Kind.CHOICE, "at-once", "wait-for-reason");
        add("afterhours.request.reminder-after", "timers", Kind.DURATION);
        add("afterhours.request.escalate-after", "timers", Kind.DURATION);
        add("afterhours.mail.ending-soon", "timers", Kind.DURATION);
        add("afterhours.links.ttl", "timers", Kind.POSITIVE_DURATION);
        add("afterhours.connector.overtime-action", "connector", Kind.CHOICE, "LOGOFF", "LOCK", "NOTHING");
        add("afterhours.connector.manual-server", "connector", Kind.HOST);
        add("afterhours.connector.mode", "connector", Kind.CHOICE, "bridge", "manual");
        add("afterhours.mail.host", "mail", Kind.HOST);
        add("afterhours.mail.port", "mail", Kind.PORT);
        add("afterhours.mail.security", "mail", Kind.CHOICE, "none", "starttls", "smtps");
        add("afterhours.mail.from", "mail", Kind.ADDRESS);
        add("afterhours.mail.from-name", "mail", Kind.TEXT);
        add("afterhours.mail.reply-to", "mail", Kind.OPTIONAL_ADDRESS);
        add("afterhours.mail.connect-timeout", "mail", Kind.POSITIVE_DURATION);
        add("afterhours.mail.read-timeout", "mail", Kind.POSITIVE_DURATION);
        add("afterhours.mapping.user", "mapping", Kind.REQUIRED_CANDIDATES);
        add("afterhours.mapping.domain", "mapping", Kind.CANDIDATES);
        add("afterhours.mapping.computer", "mapping", Kind.CANDIDATES);
        add("afterhours.mapping.client-address", "mapping", Kind.CANDIDATES);
        add("afterhours.mapping.session-type", "mapping", Kind.CANDIDATES);
        add("afterhours.mapping.session-id", "mapping", Kind.CANDIDATES);
        add("afterhours.mapping.details", "mapping", Kind.CANDIDATES);
    }

    public static final List<String> GROUPS = List.of("request", "timers", "connector", "mail", "mapping");
    /** At most this many characters in one candidate, and in a whole list. */
    static final int CANDIDATE_LENGTH = 200;

    static final int CANDIDATES_LENGTH = 1000;
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private SettingCatalog() {}

    private static void add(String key, String group, Kind kind, String... choices) {
        ALL.put(key, new Definition(key, group, kind, List.of(choices)));
    }

    public static Optional<Definition> find(String key) {
        return Optional.ofNullable(key == null ? null : ALL.get(key));
    }

    public static List<Definition> group(String group) {
        return ALL.values().stream().filter(d -> d.group().equals(group)).toList();
    }

    public static List<Definition> all() {
        return List.copyOf(ALL.values());
    }

    /** The value as it is stored, or empty when it breaks the definition's rule (see {@link #problem}). */
    public static Optional<String> normalise(Definition definition, String raw) {
        String value = raw == null ? "" : raw.strip();
        try {
            return switch (definition.kind()) {
                case POSITIVE_DURATION -> {
                    Duration d = Duration.parse(value.toUpperCase(Locale.ROOT));
                    yield d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d.toString());
                }
                case DURATION -> {
                    Duration d = Duration.parse(value.toUpperCase(Locale.ROOT));
                    yield d.isNegative() ? Optional.empty() : Optional.of(d.toString());
                }
                case BOOLEAN -> {
                    String lower = value.toLowerCase(Locale.ROOT);
                    yield lower.equals("true") || lower.equals("false") ? Optional.of(lower) : Optional.empty();
                }
                case CHOICE ->
                    definition.choices().stream()
                            .filter(c -> c.equalsIgnoreCase(value))
                            .findFirst();
                case HOST -> HOST.matcher(value).matches() ? Optional.of(value) : Optional.empty();
                case PORT -> {
                    int port = Integer.parseInt(value);
                    yield port >= 1 && port <= 65535 ? Optional.of(Integer.toString(port)) : Optional.empty();
                }
                case ADDRESS -> ADDRESS.matcher(value).matches() ? Optional.of(value) : Optional.empty();
                case OPTIONAL_ADDRESS ->
                    value.isEmpty() || ADDRESS.matcher(value).matches() ? Optional.of(value) : Optional.empty();
                case TEXT ->
                    !value.isEmpty() && value.length() <= 100 && value.chars().noneMatch(Character::isISOControl)
                            ? Optional.of(value)
                            : Optional.empty();
                case CANDIDATES -> candidates(value, false);
                case REQUIRED_CANDIDATES -> candidates(value, true);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The message key saying what a value of this definition must look like. */
    public static String problem(Definition definition) {
        return switch (definition.kind()) {
            case POSITIVE_DURATION -> "settings.problem.positiveDuration";
            case DURATION -> "settings.problem.duration";
            case BOOLEAN -> "settings.problem.boolean";
            case CHOICE -> "settings.problem.choice|" + String.join(", ", definition.choices());
            case HOST -> "settings.problem.host";
            case PORT -> "settings.problem.port";
            case ADDRESS -> "settings.problem.address";
            case OPTIONAL_ADDRESS -> "settings.problem.optionalAddress";
            case TEXT -> "settings.problem.text";
            case CANDIDATES -> "settings.problem.candidates";
            case REQUIRED_CANDIDATES -> "settings.problem.requiredCandidates";
        };
    }

    /**
     * A candidate list as the field mapping reads it: items separated by commas, each a member name (matched
     * case-insensitively) or a JSON pointer starting with "/" whose segments are not empty and escape "~" only as
     * "~0" or "~1". Spaces around items are dropped; an item with a control character is refused.
     */
    private static Optional<String> candidates(String value, boolean required) {
        List<String> items = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.length() > CANDIDATE_LENGTH || item.chars().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
            if (item.startsWith("/") && !validPointer(item)) {
                return Optional.empty();
            }
            items.add(item);
        }
        String joined = String.join(",", items);
        if ((required && items.isEmpty()) || joined.length() > CANDIDATES_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(joined);
    }

    private static boolean validPointer(String pointer) {
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.replace("~0", "").replace("~1", "").contains("~")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rules between keys, judged on the values that would be effective after a save ({@code effective} answers any
     * key): the default request length may not exceed the maximum.
     */
    public static List<String> crossCheck(Function<String, String> effective) {
        List<String> problems = new ArrayList<>();
        Duration defaultLength = Duration.parse(effective.apply("afterhours.request.default-length"));
        Duration maxLength = Duration.parse(effective.apply("afterhours.request.max-length"));
        if (defaultLength.compareTo(maxLength) > 0) {
            problems.add("settings.problem.defaultAboveMax");
        }
        return problems;
    }
}
