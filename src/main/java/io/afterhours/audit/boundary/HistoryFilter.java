package io.afterhours.audit.boundary;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the history page (and its CSV export) filters on; blank or null means "any". {@code person} and
 * {@code manager} are account names (the manager filter means their direct reports), {@code team} a directory group,
 * {@code state} a request state, {@code action} an exact action or a prefix ending in "." or "*" ("request."), and
 * {@code from}/{@code to} whole days in {@code zone}, both inclusive.
 */
public record HistoryFilter(
        String person,
        String manager,
        String team,
        String state,
        String action,
        LocalDate from,
        LocalDate to,
        ZoneId zone) {

    public static HistoryFilter none(ZoneId zone) {
        return new HistoryFilter(null, null, null, null, null, null, null, zone);
    }

    /** The filter as the audit entry of a read or export records it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        part(text, "person", person);
        part(text, "manager", manager);
        part(text, "team", team);
        part(text, "state", state);
        part(text, "action", action);
        part(text, "from", from == null ? null : from.toString());
        part(text, "to", to == null ? null : to.toString());
        if (text.isEmpty()) {
            return "no filter";
        }
        return text + (from != null || to != null ? " (" + zone.getId() + ")" : "");
    }

    private static void part(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value.strip());
        }
    }
}
