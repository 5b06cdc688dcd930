package io.afterhours.intake.control;

import io.afterhours.intake.entity.EventCategory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code EventType} code table, from configuration ({@code afterhours.event-types}: {@code code:CATEGORY} pairs).
 * The defaults are UserLock's database codes (userlock.md 1.3); that the webhook uses the same codes is inferred, so
 * an administrator can correct the table without a release.
 */
@ApplicationScoped
public class EventTypeTable {

    @Inject
    @ConfigProperty(name = "afterhours.event-types")
    String table;

    private final Map<Integer, EventCategory> categories = new HashMap<>();

    @PostConstruct
    void load() {
        categories.putAll(parse(table));
    }

    public static EventTypeTable of(String table) {
        EventTypeTable result = new EventTypeTable();
        result.categories.putAll(parse(table));
        return result;
    }

    public EventCategory categoryOf(Integer code) {
        return code == null ? EventCategory.UNKNOWN : categories.getOrDefault(code, EventCategory.UNKNOWN);
    }

    static Map<Integer, EventCategory> parse(String table) {
        Map<Integer, EventCategory> parsed = new HashMap<>();
        for (String pair : table.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "afterhours.event-types: expected code:CATEGORY, got '" + trimmed + "'");
            }
            parsed.put(
                    Integer.valueOf(parts[0].strip()),
                    EventCategory.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
        }
        return parsed;
    }
}
