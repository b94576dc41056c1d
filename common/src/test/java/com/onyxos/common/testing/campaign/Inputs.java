package com.onyxos.common.testing.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bad inputs the campaign sends to one operation: malformed and duplicate-key JSON, wrong types, NUL and
 * control characters, 10 kB strings, 10,000-deep nesting, 2 MB bodies with and without {@code Content-Length},
 * invalid UUIDs in paths, SQL metacharacters and another agency's ids, each in every place the operation takes
 * input (path and query parameters, body fields), the rest of the request well-formed.
 */
public final class Inputs {

    static final String NUL = "a\u0000b";
    static final String CONTROL = "\u0001\u0007\b\u001b\u001f\u007f";
    static final String LONG = "x".repeat(10 * 1024);
    static final List<String> SQL = List.of("' OR '1'='1", "\"; DROP TABLE agencies; --", "%' AND 1=1 --", "\\");
    static final List<String> BAD_UUIDS =
            List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1-2-3-4-5", "..%2F..%2Fetc", "%20");
    private static final int DEPTH = 10_000;
    private static final int HUGE = 2 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<UUID> foreignIds;

    /** @param foreignIds ids of another agency's resources (the agency itself, its creators, assets...) */
    public Inputs(List<UUID> foreignIds) {
        this.foreignIds = List.copyOf(foreignIds);
    }

    /** Every probe for {@code operation}. */
    public List<Probe> of(Operation op) {
        List<Probe> probes = new ArrayList<>();
        pathProbes(op, probes);
        queryProbes(op, probes);
        if (op.bodySchema() != null) {
            bodyProbes(op, probes);
        }
        byte[] huge = ("{\"pad\":\"" + "x".repeat(HUGE) + "\"}").getBytes(StandardCharsets.UTF_8);
        probes.add(probe(
                op,
                "2 MB body with Content-Length",
                target(op, Map.of(), Map.of()),
                huge,
                false,
                Probe.Expect.TOO_LARGE));
        probes.add(probe(op, "2 MB body, chunked", target(op, Map.of(), Map.of()), huge, true, chunkedExpectation(op)));
        for (UUID foreign : foreignIds) {
            probes.add(new Probe(
                    op,
                    "X-Agency-Id of another agency",
                    target(op, Map.of(), Map.of()),
                    validBody(op),
                    false,
                    foreign.toString(),
                    Probe.Expect.ANY));
        }
        return probes;
    }

    private static Probe.Expect chunkedExpectation(Operation op) {
        // A GET or DELETE body is ignored, whatever its size; a body operation refuses one over the limit.
        return op.bodySchema() != null ? Probe.Expect.TOO_LARGE : Probe.Expect.ANY;
    }

    private void pathProbes(Operation op, List<Probe> probes) {
        for (Operation.Parameter p : op.pathParameters()) {
            List<String[]> values = new ArrayList<>();
            values.add(new String[] {"NUL", "a%00b"});
            values.add(new String[] {"control characters", encode(CONTROL)});
            values.add(new String[] {"10 kB", LONG});
            for (String sql : SQL) {
                values.add(new String[] {"SQL " + sql, encode(sql)});
            }
            if (p.isUuid()) {
                for (String bad : BAD_UUIDS) {
                    values.add(new String[] {"invalid UUID " + bad, bad});
                }
            }
            for (String[] value : values) {
                // Any of these is refused in a UUID; a free-form parameter must at least refuse NUL and 10 kB.
                boolean refused = p.isUuid() || value[0].equals("NUL") || value[0].equals("10 kB");
                probes.add(probe(
                        op,
                        "path." + p.name() + ": " + value[0],
                        target(op, Map.of(p.name(), value[1]), Map.of()),
                        validBody(op),
                        false,
                        refused ? Probe.Expect.CLIENT_ERROR : Probe.Expect.ANY));
            }
            if (p.isUuid()) {
                for (UUID foreign : foreignIds) {
                    probes.add(probe(
                            op,
                            "path." + p.name() + ": another agency's id",
                            target(op, Map.of(p.name(), foreign.toString()), Map.of()),
                            validBody(op),
                            false,
                            Probe.Expect.CLIENT_ERROR));
                }
            }
        }
    }

    private void queryProbes(Operation op, List<Probe> probes) {
        for (Operation.Parameter p : op.queryParameters()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("NUL", "a%00b");
            values.put("control characters", encode(CONTROL));
            values.put("10 kB", LONG);
            values.put("wrong type", p.isNumeric() ? "abc" : "99999999999999999999");
            values.put("negative", "-1");
            for (String sql : SQL) {
                values.put("SQL " + sql, encode(sql));
            }
            if (p.isUuid()) {
                for (String bad : BAD_UUIDS) {
                    values.put("invalid UUID " + bad, bad);
                }
                for (UUID foreign : foreignIds) {
                    values.put("another agency's id " + foreign, foreign.toString());
                }
            }
            values.forEach((what, value) -> probes.add(probe(
                    op,
                    "query." + p.name() + ": " + what,
                    target(op, Map.of(), Map.of(p.name(), value)),
                    validBody(op),
                    false,
                    Probe.Expect.ANY)));
        }
    }

    private void bodyProbes(Operation op, List<Probe> probes) {
        String target = target(op, Map.of(), Map.of());
        Map<String, String> whole = new LinkedHashMap<>();
        whole.put("malformed JSON", "{\"a\": ");
        whole.put("not JSON", "hello");
        whole.put("trailing garbage", json(baseline(op.bodySchema())) + " }");
        whole.put("an array for an object", "[]");
        whole.put("a string for an object", "\"text\"");
        whole.put("a number for an object", "12345");
        whole.put("10,000-deep arrays", "[".repeat(DEPTH) + "]".repeat(DEPTH));
        whole.put("10,000-deep objects", "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH));
        whole.forEach(
                (what, body) -> probes.add(probe(op, "body: " + what, target, bytes(body), false, expectFor(what))));
        probes.add(probe(
                op,
                "body: duplicate key",
                target,
                bytes(duplicateKey(op.bodySchema())),
                false,
                Probe.Expect.MALFORMED_JSON));
        for (Map.Entry<String, JsonNode> field : properties(op.bodySchema())) {
            for (Map.Entry<String, JsonNode> bad : badValues(field.getValue()).entrySet()) {
                ObjectNode body = baseline(op.bodySchema());
                body.set(field.getKey(), bad.getValue());
                probes.add(probe(
                        op,
                        "body." + field.getKey() + ": " + bad.getKey(),
                        target,
                        bytes(json(body)),
                        false,
                        bad.getKey().startsWith("wrong type") ? Probe.Expect.CLIENT_ERROR : Probe.Expect.ANY));
            }
        }
    }

    private static Probe.Expect expectFor(String wholeBodyInput) {
        return wholeBodyInput.startsWith("malformed")
                        || wholeBodyInput.startsWith("not JSON")
                        || wholeBodyInput.startsWith("trailing")
                ? Probe.Expect.MALFORMED_JSON
                : Probe.Expect.CLIENT_ERROR;
    }

    /** Wrong values for one field: another JSON type, NUL, control characters, 10 kB, SQL, another agency's id. */
    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        switch (type) {
            case "string" -> {
                values.put("wrong type: number", NODES.numberNode(12345));
                values.put("wrong type: boolean", NODES.booleanNode(true));
                values.put("wrong type: object", NODES.objectNode());
                values.put("NUL", NODES.textNode(NUL));
                values.put("control characters", NODES.textNode(CONTROL));
                values.put("10 kB", NODES.textNode(LONG));
                for (String sql : SQL) {
                    values.put("SQL " + sql, NODES.textNode(sql));
                }
                if ("uuid".equals(schema.path("format").asText())) {
                    for (String bad : BAD_UUIDS) {
                        values.put("invalid UUID " + bad, NODES.textNode(bad));
                    }
                    for (UUID foreign : foreignIds) {
                        values.put("another agency's id " + foreign, NODES.textNode(foreign.toString()));
                    }
                }
            }
            case "integer", "number" -> {
                values.put("wrong type: string", NODES.textNode("12"));
                values.put("wrong type: array", NODES.arrayNode().add(1));
                if (type.equals("integer")) {
                    values.put("wrong type: fraction", NODES.numberNode(1.5));
                }
                values.put("huge", NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
                values.put("negative", NODES.numberNode(-1));
            }
            case "boolean" -> {
                values.put("wrong type: string", NODES.textNode("true"));
                values.put("wrong type: number", NODES.numberNode(1));
            }
            case "array" -> {
                values.put("wrong type: string", NODES.textNode("a"));
                ArrayNode withNul = NODES.arrayNode().add(NUL);
                values.put("NUL in an element", withNul);
                values.put("null element", NODES.arrayNode().addNull());
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add("x" + i);
                }
                values.put("10,000 elements", many);
            }
            default -> {
                values.put("wrong type: number", NODES.numberNode(12345));
                values.put("NUL", NODES.textNode(NUL));
            }
        }
        return values;
    }

    /** A body the schema accepts as well as a generator can tell: every property with a plain value. */
    static ObjectNode baseline(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : properties(schema)) {
            body.set(field.getKey(), plainValue(field.getValue()));
        }
        return body;
    }

    private static JsonNode plainValue(JsonNode schema) {
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode();
            case "object" -> baseline(schema);
            default ->
                switch (schema.path("format").asText()) {
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "date-time" -> NODES.textNode(Instant.now().toString());
                    case "date" -> NODES.textNode("2025-01-01");
                    default -> NODES.textNode("a");
                };
        };
    }

    private static String duplicateKey(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> fields = properties(schema);
        String key = fields.isEmpty() ? "name" : fields.get(0).getKey();
        String value = json(
                fields.isEmpty()
                        ? NODES.textNode("a")
                        : plainValue(fields.get(0).getValue()));
        return "{\"" + key + "\":" + value + ",\"" + key + "\":" + value + "}";
    }

    private static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            fields.add(it.next());
        }
        return fields;
    }

    private byte[] validBody(Operation op) {
        return op.bodySchema() == null ? null : bytes(json(baseline(op.bodySchema())));
    }

    private static Probe probe(
            Operation op, String input, String target, byte[] body, boolean chunked, Probe.Expect expect) {
        return new Probe(op, input, target, body, chunked, null, expect);
    }

    /** The operation's request target with the given path and query values (already encoded); others plain. */
    static String target(Operation op, Map<String, String> path, Map<String, String> query) {
        String target = op.path();
        for (Operation.Parameter p : op.pathParameters()) {
            String value =
                    path.getOrDefault(p.name(), p.isUuid() ? UUID.randomUUID().toString() : "abc");
            target = target.replace("{" + p.name() + "}", value);
        }
        StringBuilder q = new StringBuilder();
        query.forEach((name, value) ->
                q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(value));
        return target + q;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
