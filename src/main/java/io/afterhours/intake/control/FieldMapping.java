package io.afterhours.intake.control;

import io.afterhours.admin.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds each {@link LogicalField} in a parsed notification by trying its candidates in order: a plain name matches a
 * top-level member case-insensitively, a value starting with "/" is a JSON pointer (RFC 6901, segments matched
 * case-insensitively too). Strings are taken as they are, numbers as their plain decimal text; anything else does
 * not map. The mapping is a portal setting (the {@code mapping} group of {@link Settings}, since the real member
 * names are unconfirmed, userlock.md 1.2): a saved change applies to the next notification without a restart. The
 * parsed {@link Rules} are kept until {@link Settings#generation()} moves, so intake reads no database and parses
 * nothing per notification.
 */
@ApplicationScoped
public class FieldMapping {

    /** Members whose meaning is known without mapping; everything else not mapped is reported as unmapped. */
    private static final Set<String> CONFIRMED = Set.of("userlock", "eventtype", "eventtime");

    @Inject
    Settings settings;

    /** The rules with the settings generation they were built from (one field, so both are read together). */
    private record Cached(long generation, Rules rules) {}

    private volatile Cached cached;

    /** A fixed mapping (unit tests): the defaults with {@code overrides}, never reloaded. */
    public static FieldMapping of(Map<LogicalField, String> overrides) {
        FieldMapping mapping = new FieldMapping();
        mapping.cached = new Cached(0, Rules.of(f -> overrides.getOrDefault(f, f.defaultCandidates())));
        return mapping;
    }

    /** The mapping in effect now; use one snapshot for everything read from one notification. */
    public Rules current() {
        Cached now = cached;
        if (settings == null) {
            return now.rules();
        }
        long generation = settings.generation();
        if (now == null || now.generation() != generation) {
            now = new Cached(generation, Rules.of(f -> settings.value(f.configKey())));
            cached = now;
        }
        return now.rules();
    }

    /** The candidates tried for each field, in order (what the Field mapping page shows). */
    public Map<LogicalField, List<String>> candidates() {
        return current().candidates();
    }

    public Map<LogicalField, String> extract(Map<String, Object> body) {
        return current().extract(body);
    }

    public List<String> unmappedMembers(Map<String, Object> body) {
        return current().unmappedMembers(body);
    }

    /** One immutable mapping: the candidates per field and the member names they cover. */
    public static final class Rules {

        private final Map<LogicalField, List<String>> candidates;
        private final Set<String> knownMembers;

        private Rules(Map<LogicalField, List<String>> candidates) {
            this.candidates = candidates;
            this.knownMembers = knownMembers(candidates);
        }

        static Rules of(Function<LogicalField, String> value) {
            Map<LogicalField, List<String>> candidates = new EnumMap<>(LogicalField.class);
            for (LogicalField field : LogicalField.values()) {
                candidates.put(field, parse(value.apply(field)));
            }
            return new Rules(Collections.unmodifiableMap(candidates));
        }

        public Map<LogicalField, List<String>> candidates() {
            return candidates;
        }

        public Map<LogicalField, String> extract(Map<String, Object> body) {
            Map<LogicalField, String> values = new EnumMap<>(LogicalField.class);
            for (Map.Entry<LogicalField, List<String>> entry : candidates.entrySet()) {
                for (String candidate : entry.getValue()) {
                    String value = asText(locate(body, candidate));
                    if (value != null && !value.isBlank()) {
                        values.put(entry.getKey(), value);
                        break;
                    }
                }
            }
            return values;
        }

        /** Top-level members that neither the confirmed names nor any plain-name candidate cover, in body order. */
        public List<String> unmappedMembers(Map<String, Object> body) {
            List<String> unmapped = new ArrayList<>();
            for (String name : body.keySet()) {
                if (!knownMembers.contains(StrictJson.foldCase(name))) {
                    unmapped.add(name);
                }
            }
            return unmapped;
        }
    }

    /** Computed once per mapping: intake asks for every notification. */
    private static Set<String> knownMembers(Map<LogicalField, List<String>> candidates) {
        Set<String> known = new HashSet<>(CONFIRMED);
        candidates
                .values()
                .forEach(list -> list.stream()
                        .map(c -> c.startsWith("/") ? c.substring(1).split("/", 2)[0] : c)
                        .map(StrictJson::foldCase)
                        .forEach(known::add));
        return Set.copyOf(known);
    }

    @SuppressWarnings("unchecked")
    private static Object locate(Map<String, Object> body, String candidate) {
        if (!candidate.startsWith("/")) {
            return StrictJson.member(body, candidate);
        }
        Object current = body;
        for (String raw : candidate.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map) {
                current = StrictJson.member((Map<String, Object>) map, segment);
            } else if (current instanceof List<?> list && segment.matches("\\d{1,4}")) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    private static String asText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return null;
    }

    private static List<String> parse(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
