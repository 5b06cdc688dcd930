package io.afterhours.intake.boundary;

import io.afterhours.intake.entity.Notification;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** The redacted raw JSON of one notification, and what intake could not map in it. */
public record NotificationDetail(
        long id,
        String rawJson,
        String unmappedMembers,
        String eventTimeText,
        String sessionType,
        String sessionId,
        String details) {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    static NotificationDetail of(Notification n) {
        return new NotificationDetail(
                n.id(),
                pretty(n.rawJson()),
                n.unmappedMembers(),
                n.eventTimeText(),
                n.sessionType(),
                n.sessionId(),
                n.details());
    }

    /** Indented for reading; the stored text is what intake wrote, so it always parses. */
    private static String pretty(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            StringWriter out = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(out)) {
                writer.write(reader.readValue());
            }
            return out.toString().strip();
        } catch (JsonException e) {
            return json;
        }
    }
}
