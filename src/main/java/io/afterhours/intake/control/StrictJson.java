package io.afterhours.intake.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a notification body into plain Java values (Map, List, String, BigDecimal, Boolean, {@link #NULL}) with
 * the limits a webhook needs: strict UTF-8 (a UTF-8 byte order mark is accepted and dropped, as .NET writers may
 * emit one), a top-level object only, a nesting limit checked while streaming (no recursion, so no stack overflow),
 * and duplicate member names refused, compared case-insensitively because members are matched that way: a body
 * with two UserLock IDs is ambiguous, so it is rejected rather than resolved first- or last-wins (reliability.md B5).
 */
public final class StrictJson {

    /** JSON {@code null}, distinct from "member absent". */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    // Looking the provider up once: Json.createParser does a ServiceLoader search on every call.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private StrictJson() {}

    public static Map<String, Object> parseObject(byte[] body, int maxDepth) {
        String text = decodeUtf8(body);
        if (text.isBlank()) {
            throw malformed("The body is empty.");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw malformed("The body must be a JSON object.");
            }
            Map<String, Object> root = readContainer(parser, new LinkedHashMap<>(), maxDepth);
            if (parser.hasNext()) {
                throw malformed("Unexpected content after the JSON object.");
            }
            return root;
        } catch (JsonParsingException e) {
            throw malformed("The body is not valid JSON.");
        } catch (JsonException | IllegalStateException e) {
            throw malformed("The body is not valid JSON.");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readContainer(JsonParser parser, Map<String, Object> root, int maxDepth) {
        Deque<Object> stack = new ArrayDeque<>();
        Deque<Set<String>> seenNames = new ArrayDeque<>();
        stack.push(root);
        seenNames.push(new HashSet<>());
        String pendingName = null;
        while (!stack.isEmpty()) {
            JsonParser.Event event = parser.next();
            Object value;
            switch (event) {
                case KEY_NAME -> {
                    pendingName = parser.getString();
                    if (!seenNames.peek().add(foldCase(pendingName))) {
                        throw malformed("Duplicate member name in the JSON object.");
                    }
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    stack.pop();
                    seenNames.pop();
                    continue;
                }
                case START_OBJECT -> value = new LinkedHashMap<String, Object>();
                case START_ARRAY -> value = new ArrayList<Object>();
                case VALUE_STRING -> value = parser.getString();
                case VALUE_NUMBER -> value = parser.getBigDecimal();
                case VALUE_TRUE -> value = Boolean.TRUE;
                case VALUE_FALSE -> value = Boolean.FALSE;
                case VALUE_NULL -> value = NULL;
                default -> throw malformed("The body is not valid JSON.");
            }
            Object parent = stack.peek();
            if (parent instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(pendingName, value);
            } else {
                ((List<Object>) parent).add(value);
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                if (stack.size() >= maxDepth) {
                    throw malformed("The JSON is nested deeper than " + maxDepth + " levels.");
                }
                stack.push(value);
                seenNames.push(new HashSet<>());
            }
        }
        return root;
    }

    /** Member names are .NET property names; fold ASCII only, so lookalike letters never match. */
    public static String foldCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** The member with this name, compared case-insensitively; null if absent. */
    public static Object member(Map<String, Object> object, String name) {
        String wanted = foldCase(name);
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (foldCase(entry.getKey()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public static boolean isNumber(Object value) {
        return value instanceof BigDecimal;
    }

    private static String decodeUtf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw malformed("The body is not valid UTF-8.");
        }
    }

    private static IntakeRejection malformed(String detail) {
        return new IntakeRejection(RejectionReason.MALFORMED, detail);
    }
}
