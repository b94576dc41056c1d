package com.onyxos.common.testing.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of a service's OpenAPI document.
 *
 * @param method HTTP method, upper case
 * @param path the path template, e.g. {@code /api/vault/assets/{id}}
 * @param pathParameters path parameters with their schemas
 * @param queryParameters query parameters with their schemas
 * @param bodySchema the JSON request body's schema (references resolved), or null when it takes none
 */
public record Operation(
        String method,
        String path,
        List<Parameter> pathParameters,
        List<Parameter> queryParameters,
        JsonNode bodySchema) {

    /** @return e.g. {@code PUT /ops/v1/log-levels/{category}} */
    public String name() {
        return method + " " + path;
    }

    /**
     * A parameter.
     *
     * @param name its name
     * @param schema its schema (type, format, enum)
     */
    public record Parameter(String name, JsonNode schema) {

        boolean isUuid() {
            return "uuid".equals(schema.path("format").asText());
        }

        boolean isNumeric() {
            String type = schema.path("type").asText();
            return type.equals("integer") || type.equals("number");
        }
    }
}
