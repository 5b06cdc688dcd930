package io.afterhours.intake.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes trees from {@link StrictJson} back to JSON text, as they came or in a canonical form for hashing. */
public final class JsonText {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private JsonText() {}

    /** Members in their original order and spelling. */
    public static String write(Map<String, Object> object) {
        return render(object, false);
    }

    /**
     * Member names folded to lower case and sorted, numbers without trailing zeros: two bodies that mean the same to
     * a case-insensitive reader give the same text.
     */
    public static String canonical(Map<String, Object> object) {
        return render(object, true);
    }

    private static String render(Map<String, Object> object, boolean canonical) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = GENERATORS.createGenerator(out)) {
            writeValue(generator, null, object, canonical);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator g, String name, Object value, boolean canonical) {
        if (value instanceof Map<?, ?> map) {
            if (name == null) {
                g.writeStartObject();
            } else {
                g.writeStartObject(name);
            }
            Map<String, Object> members = (Map<String, Object>) map;
            if (canonical) {
                Map<String, Object> sorted = new TreeMap<>();
                members.forEach((k, v) -> sorted.put(StrictJson.foldCase(k), v));
                members = sorted;
            }
            members.forEach((k, v) -> writeValue(g, k, v, canonical));
            g.writeEnd();
        } else if (value instanceof List<?> list) {
            if (name == null) {
                g.writeStartArray();
            } else {
                g.writeStartArray(name);
            }
            list.forEach(item -> writeValue(g, null, item, canonical));
            g.writeEnd();
        } else if (value instanceof String text) {
            if (name == null) {
                g.write(text);
            } else {
                g.write(name, text);
            }
        } else if (value instanceof BigDecimal number) {
            BigDecimal written = canonical ? normalise(number) : number;
            if (name == null) {
                g.write(written);
            } else {
                g.write(name, written);
            }
        } else if (value instanceof Boolean flag) {
            if (name == null) {
                g.write(flag);
            } else {
                g.write(name, flag);
            }
        } else if (name == null) {
            g.writeNull();
        } else {
            g.writeNull(name);
        }
    }

    private static BigDecimal normalise(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
