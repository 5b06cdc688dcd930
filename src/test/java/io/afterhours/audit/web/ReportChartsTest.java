package io.afterhours.audit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.audit.boundary.Report;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportChartsTest {

    private final Report report = new Report(
            LocalDate.of(2025, 3, 10),
            LocalDate.of(2025, 3, 11),
            ZoneId.of("Europe/Paris"),
            null,
            List.of(
                    new Report.DayCount(LocalDate.of(2025, 3, 10), 2),
                    new Report.DayCount(LocalDate.of(2025, 3, 11), 0)),
            List.of(new Report.OutcomeCount("APPROVED", 3), new Report.OutcomeCount("PENDING", 1)),
            new Report.DecisionTimes(3, Duration.ofMinutes(30), Duration.ofMinutes(90)),
            1,
            2,
            List.of(new Report.RequesterCount("evil", "</script><script>alert(1)</script>", 4)));

    @Test
    void aNameCannotCloseTheScriptTheConfigurationIsWrittenInto() {
        String config = ReportCharts.topRequesters(report, "Requests");
        assertFalse(config.contains("<"), config);
        assertFalse(config.contains(">"), config);
        JsonObject parsed = Json.createReader(new StringReader(config)).readObject();
        assertEquals(
                "</script><script>alert(1)</script>",
                parsed.getJsonObject("data").getJsonArray("labels").getString(0),
                "still the same text once parsed");
        assertEquals("y", parsed.getJsonObject("options").getString("indexAxis"), "horizontal bars");
        assertEquals(
                0,
                parsed.getJsonObject("options")
                        .getJsonObject("scales")
                        .getJsonObject("x")
                        .getJsonObject("ticks")
                        .getInt("precision"),
                "whole numbers on the value axis");
    }

    @Test
    void theDenialChartHasEveryDayAndItsCount() {
        JsonObject parsed = Json.createReader(new StringReader(ReportCharts.denials(report, "Denials")))
                .readObject();
        assertEquals("bar", parsed.getString("type"));
        assertEquals(
                "[\"2025-03-10\",\"2025-03-11\"]",
                parsed.getJsonObject("data").getJsonArray("labels").toString());
        assertEquals(
                "[2,0]",
                parsed.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(0)
                        .getJsonArray("data")
                        .toString());
    }

    @Test
    void decisionTimesAreInMinutesAndUsageCountsBothSlices() {
        JsonObject times = Json.createReader(new StringReader(ReportCharts.decisionTimes(report, "M", "P", "min")))
                .readObject();
        assertEquals(
                "[30.0,90.0]",
                times.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(0)
                        .getJsonArray("data")
                        .toString());
        JsonObject usage = Json.createReader(new StringReader(ReportCharts.usage(report, "Used", "Unused")))
                .readObject();
        assertEquals(
                "[1,2]",
                usage.getJsonObject("data")
                        .getJsonArray("datasets")
                        .getJsonObject(0)
                        .getJsonArray("data")
                        .toString());
        String outcomes = ReportCharts.outcomes(report, s -> "state " + s);
        assertTrue(outcomes.contains("\"state APPROVED\""), outcomes);
    }
}
