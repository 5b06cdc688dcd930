package io.afterhours.audit.web;

import io.afterhours.audit.boundary.HistoryFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The history filter as URL parameters ({@code person, manager, team, state, action, from, to}, days as
 * {@code yyyy-MM-dd}): the page links its CSV export with them, and the export reads them back.
 */
final class HistoryParameters {

    static final int MAX_LENGTH = 256;

    private HistoryParameters() {}

    /** Reads a filter; a malformed day or an over-long value is an {@link IllegalArgumentException} naming it. */
    static HistoryFilter read(Function<String, String> parameter, ZoneId zone) {
        return new HistoryFilter(
                text(parameter, "person"),
                text(parameter, "manager"),
                text(parameter, "team"),
                text(parameter, "state"),
                text(parameter, "action"),
                day(parameter, "from"),
                day(parameter, "to"),
                zone);
    }

    static String query(HistoryFilter filter) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("person", filter.person());
        values.put("manager", filter.manager());
        values.put("team", filter.team());
        values.put("state", filter.state());
        values.put("action", filter.action());
        values.put("from", filter.from() == null ? null : filter.from().toString());
        values.put("to", filter.to() == null ? null : filter.to().toString());
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String text(Function<String, String> parameter, String name) {
        String value = parameter.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_LENGTH + " characters");
        }
        return value.strip();
    }

    private static LocalDate day(Function<String, String> parameter, String name) {
        String value = text(parameter, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a day (yyyy-MM-dd): " + value, e);
        }
    }
}
