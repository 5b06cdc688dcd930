package io.afterhours.audit.web;

import io.afterhours.audit.boundary.Report;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Chart.js configurations for {@code p:chart}, as JSON built with JSON-P (never by concatenation). PrimeFaces writes
 * the configuration into its nonce-carrying widget script, so every {@code <} is escaped: a requester named
 * {@code </script>} stays text.
 */
final class ReportCharts {

    private static final String BRAND = "#3b6ea5";
    private static final String[] PALETTE = {
        "#3b6ea5", "#c0504d", "#9bbb59", "#8064a2", "#4bacc6", "#f79646", "#7f7f7f", "#2c4d75", "#77933c", "#b65708"
    };

    private ReportCharts() {}

    static String denials(Report report, String label) {
        return bar(label, report.denialsPerDay(), d -> d.day().toString(), Report.DayCount::count, false);
    }

    static String outcomes(Report report, Function<String, String> stateName) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        int i = 0;
        for (Report.OutcomeCount o : report.outcomes()) {
            labels.add(stateName.apply(o.state()));
            data.add(o.count());
            colours.add(PALETTE[i++ % PALETTE.length]);
        }
        return chart(
                "doughnut",
                labels,
                Json.createObjectBuilder().add("data", data).add("backgroundColor", colours),
                options(false));
    }

    /** Median and 90th percentile, in minutes. */
    static String decisionTimes(Report report, String medianLabel, String p90Label, String axis) {
        Report.DecisionTimes times = report.decisionTimes();
        return chart(
                "bar",
                Json.createArrayBuilder().add(medianLabel).add(p90Label),
                Json.createObjectBuilder()
                        .add("label", axis)
                        .add(
                                "data",
                                Json.createArrayBuilder()
                                        .add(minutes(times.median()))
                                        .add(minutes(times.p90())))
                        .add("backgroundColor", BRAND),
                options(true));
    }

    static String usage(Report report, String used, String unused) {
        return chart(
                "pie",
                Json.createArrayBuilder().add(used).add(unused),
                Json.createObjectBuilder()
                        .add(
                                "data",
                                Json.createArrayBuilder().add(report.used()).add(report.unused()))
                        .add(
                                "backgroundColor",
                                Json.createArrayBuilder().add(PALETTE[2]).add(PALETTE[6])),
                options(false));
    }

    static String topRequesters(Report report, String label) {
        return bar(
                label,
                report.topRequesters(),
                r -> r.name() == null || r.name().isBlank() ? r.account() : r.name(),
                Report.RequesterCount::requests,
                true);
    }

    private static <T> String bar(
            String label, List<T> items, Function<T, String> name, Function<T, Long> value, boolean horizontal) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (T item : items) {
            labels.add(name.apply(item));
            data.add(value.apply(item));
        }
        JsonObjectBuilder options = options(true);
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        // Counts: whole numbers on the value axis, never "0.5 denials".
        options.add(
                "scales",
                Json.createObjectBuilder()
                        .add(
                                horizontal ? "x" : "y",
                                Json.createObjectBuilder()
                                        .add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0))));
        return chart(
                "bar",
                labels,
                Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", BRAND),
                options);
    }

    /** A chart of one data set. */
    private static String chart(
            String type, JsonArrayBuilder labels, JsonObjectBuilder dataset, JsonObjectBuilder options) {
        return safe(Json.createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", options)
                .build());
    }

    private static JsonObjectBuilder options(boolean axes) {
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false);
        if (axes) {
            options.add(
                    "plugins",
                    Json.createObjectBuilder()
                            .add("legend", Json.createObjectBuilder().add("display", false)));
        }
        return options;
    }

    private static double minutes(Duration duration) {
        return duration == null ? 0 : Math.round(duration.toMillis() / 600.0) / 100.0;
    }

    /** JSON whose strings cannot end the script element it is written into. */
    static String safe(JsonObject config) {
        return config.toString().replace("<", "\\u003c").replace(">", "\\u003e");
    }
}
