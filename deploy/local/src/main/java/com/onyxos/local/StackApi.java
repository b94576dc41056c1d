package com.onyxos.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The stack's public APIs as a user calls them: one base URL (the console's origin, which routes {@code /api} to the
 * services), a bearer token and, for a user of several agencies, the {@code X-Agency-Id} header.
 */
public final class StackApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final String agencyId;

    public StackApi(HttpClient http, String baseUrl, String token, String agencyId) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.agencyId = agencyId;
    }

    /** The same user acting in {@code agency}. */
    public StackApi inAgency(String agency) {
        return new StackApi(http, baseUrl, token, agency);
    }

    /** Another user. */
    public StackApi as(String bearer) {
        return new StackApi(http, baseUrl, bearer, agencyId);
    }

    HttpClient http() {
        return http;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String token() {
        return token;
    }

    public Answer get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    public Answer post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request to any URL (the simulator's OAuth and admin API), without our headers. */
    public Answer raw(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return Answer.of(response);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (agencyId != null) {
            builder.header("X-Agency-Id", agencyId);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        return raw(builder.build());
    }

    static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer: status, body parsed as JSON when it is JSON, and the response for headers.
     *
     * @param status HTTP status
     * @param body the JSON body, or a missing node
     * @param text the raw body
     * @param response the response
     */
    public record Answer(int status, JsonNode body, String text, HttpResponse<String> response) {

        static Answer of(HttpResponse<String> response) {
            JsonNode body = MissingNode.getInstance();
            String text = response.body();
            if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                try {
                    body = JSON.readTree(text);
                } catch (IOException e) {
                    // Not JSON after all: keep the text.
                }
            }
            return new Answer(response.statusCode(), body, text, response);
        }

        /** This answer, or an {@link UnexpectedAnswer} naming the call when its status is not {@code expected}. */
        public Answer expect(int expected, String what) {
            if (status != expected) {
                throw new UnexpectedAnswer(what + ": expected " + expected + ", got " + status + " "
                        + (text == null ? "" : text.substring(0, Math.min(400, text.length()))));
            }
            return this;
        }

        /** A text field of the body ({@code /a/b} JSON pointer). */
        public String at(String pointer) {
            JsonNode node = body.at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    /** A call answered other than the story expects. */
    public static final class UnexpectedAnswer extends RuntimeException {
        public UnexpectedAnswer(String message) {
            super(message);
        }
    }
}
