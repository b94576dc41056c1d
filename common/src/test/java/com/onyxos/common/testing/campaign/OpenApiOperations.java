package com.onyxos.common.testing.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads every operation of a service's OpenAPI document ({@code /q/openapi?format=json}). */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiOperations() {}

    /** The operations of {@code document}, in document order. */
    public static List<Operation> of(String document) {
        try {
            JsonNode root = new ObjectMapper().readTree(document);
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths =
                            root.path("paths").fields();
                    paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (METHODS.contains(op.getKey())) {
                        operations.add(operation(root, op.getKey(), path.getKey(), path.getValue(), op.getValue()));
                    }
                }
            }
            return operations;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable OpenAPI document", e);
        }
    }

    private static Operation operation(JsonNode root, String method, String path, JsonNode pathItem, JsonNode op) {
        List<Operation.Parameter> pathParameters = new ArrayList<>();
        List<Operation.Parameter> queryParameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>();
        pathItem.path("parameters").forEach(declared::add);
        op.path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            JsonNode resolved = resolve(root, parameter);
            Operation.Parameter p =
                    new Operation.Parameter(resolved.path("name").asText(), resolve(root, resolved.path("schema")));
            switch (resolved.path("in").asText()) {
                case "path" -> pathParameters.add(p);
                case "query" -> queryParameters.add(p);
                default -> {
                    // headers and cookies: the campaign sends its own
                }
            }
        }
        JsonNode content = resolve(root, op.path("requestBody")).path("content");
        JsonNode body = null;
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.toLowerCase(Locale.ROOT).contains("json")) {
                body = inline(root, content.path(type).path("schema"), 0);
            }
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, pathParameters, queryParameters, body);
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asText();
            current = root.at(ref.substring(1)); // "#/components/schemas/X" -> "/components/schemas/X"
        }
        return current;
    }

    /** The schema with references resolved, a few levels deep (enough for request bodies). */
    private static JsonNode inline(JsonNode root, JsonNode schema, int depth) {
        JsonNode resolved = resolve(root, schema).deepCopy();
        if (depth > 4 || !(resolved instanceof ObjectNode object)) {
            return resolved;
        }
        if (object.has("properties")) {
            ObjectNode properties = (ObjectNode) object.path("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                properties.set(name, inline(root, properties.path(name), depth + 1));
            }
        }
        if (object.has("items")) {
            object.set("items", inline(root, object.path("items"), depth + 1));
        }
        return object;
    }
}
