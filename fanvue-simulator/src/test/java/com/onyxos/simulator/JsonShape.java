package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Checks a JSON object against a documented shape: dotted field paths mapped to types {@code string}, {@code number},
 * {@code boolean}, {@code array}, {@code object}, {@code date-time} (ISO-8601 with Z), {@code date} (YYYY-MM-DD); a
 * {@code |null} suffix allows null. Every listed field must be present.
 */
final class JsonShape {
    private JsonShape() {}

    static void check(JsonNode node, Map<String, String> shape, String where) {
        shape.forEach((path, type) -> {
            JsonNode value = at(node, path);
            assertThat(value)
                    .as(where + ": field " + path + " missing in " + node)
                    .isNotNull();
            boolean nullable = type.endsWith("|null");
            String base = nullable ? type.substring(0, type.length() - 5) : type;
            if (value.isNull()) {
                assertThat(nullable).as(where + ": " + path + " is null").isTrue();
                return;
            }
            assertThat(matches(value, base))
                    .as(where + ": " + path + " should be " + type + " but is " + value)
                    .isTrue();
        });
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || current.isNull() || !current.has(part)) {
                return current != null && current.isNull() ? current : null;
            }
            current = current.get(part);
        }
        return current;
    }

    private static boolean matches(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "date-time" ->
                value.isTextual() && value.asText().endsWith("Z") && parses(() -> Instant.parse(value.asText()));
            case "date" -> value.isTextual() && parses(() -> LocalDate.parse(value.asText()));
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
