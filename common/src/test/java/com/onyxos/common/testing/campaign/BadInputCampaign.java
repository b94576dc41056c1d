package com.onyxos.common.testing.campaign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUser;
import com.onyxos.common.testing.TestUsers;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks the service's own OpenAPI document and sends every operation the campaign's bad inputs ({@link Inputs}),
 * then holds every answer to the same rules: no 5xx; a 4xx is problem+json with its status and a code; no class
 * name or stack trace in any body; no ERROR log line; an answer within {@value #BOUND_MILLIS} ms (a job endpoint: {@value #JOB_BOUND_MILLIS} ms); plus what a kind
 * of input must get (400 {@code malformed_json} for a duplicate key, 413 for 2 MB). New endpoints are covered
 * without anyone listing them. A service's test extends this with {@code @QuarkusTest} and its test resources; it
 * may add the ids of another agency's resources ({@link #foreignIds(TestTenants.Tenants)}).
 */
public abstract class BadInputCampaign {

    /** The per-answer bound the issue sets; generous for a loopback request on a busy 2-core machine. */
    static final long BOUND_MILLIS = 2_000;

    /**
     * The bound for a job endpoint ({@code /internal/v1/jobs/...}): it runs the whole job for every agency and answers
     * when done, so an input it accepts (an ignored header) costs the job's time, not a rejection's.
     */
    static final long JOB_BOUND_MILLIS = 10_000;

    private static final List<String> LEAKS =
            List.of("Exception", "\tat ", "com.onyxos.", "org.hibernate", "io.vertx.");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Ids of agency B's resources (the caller is agency A's admin): agency B itself and one of its creators by
     * default; a service adds its own (assets, runs, connections...).
     */
    protected List<UUID> foreignIds(TestTenants.Tenants tenants) {
        return List.of(tenants.agencyB(), TestTenants.creator(tenants.agencyB(), UUID.randomUUID(), "foreign"));
    }

    /** Who sends a probe to {@code operation}: the role that gets it past authorization to its input. */
    protected TestUser callerFor(Operation operation) {
        if (operation.path().startsWith("/ops/")) {
            return TestUsers.OPS;
        }
        if (operation.path().startsWith("/internal/")) {
            return TestUsers.SERVICE;
        }
        return TestUsers.AGENCY_ADMIN;
    }

    @Test
    void everyOperationAnswersEveryBadInputWithAProblem() throws Exception {
        TestTenants.Tenants tenants = TestTenants.seed();
        List<Operation> operations = OpenApiOperations.of(RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .asString());
        Inputs inputs = new Inputs(foreignIds(tenants));
        List<String> failures = new ArrayList<>();
        int sent = 0;
        warmUp(operations, inputs);
        try (ErrorLog errors = new ErrorLog()) {
            for (Operation operation : operations) {
                String token = callerFor(operation).token();
                for (Probe probe : inputs.of(operation)) {
                    sent++;
                    failures.addAll(check(probe, send(probe, token), errors.drain()));
                }
            }
        }
        System.out.printf(
                "BadInputCampaign %s: %d operations, %d inputs, %d failures%n",
                getClass().getSimpleName(), operations.size(), sent, failures.size());
        assertFalse(operations.isEmpty(), "no operation in the OpenAPI document");
        assertTrue(
                failures.isEmpty(),
                () -> failures.size() + " answers break the rules:\n" + String.join("\n", failures));
    }

    /**
     * Sends the first operation's probes once, unjudged: the first request of each kind loads classes on both
     * sides of the loopback, and that is not what the per-answer bound measures.
     */
    private void warmUp(List<Operation> operations, Inputs inputs) {
        if (!operations.isEmpty()) {
            String token = callerFor(operations.get(0)).token();
            inputs.of(operations.get(0)).forEach(probe -> send(probe, token));
        }
    }

    /** An answer and how long it took. */
    record Answer(int status, String contentType, String body, long millis, String transportFailure) {}

    private Answer send(Probe probe, String token) {
        URI uri = URI.create("http://localhost:" + RestAssured.port + probe.target());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (probe.agencyId() != null) {
            request.header("X-Agency-Id", probe.agencyId());
        }
        if (probe.body() != null) {
            request.header("Content-Type", "application/json");
            byte[] body = probe.body();
            request.method(
                    probe.operation().method(),
                    probe.chunked()
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(probe.operation().method(), HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    (System.nanoTime() - started) / 1_000_000,
                    null);
        } catch (IOException e) {
            return new Answer(0, "", "", (System.nanoTime() - started) / 1_000_000, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> check(Probe probe, Answer answer, List<String> errorLines) {
        List<String> failures = new ArrayList<>();
        String at = probe.describe() + " -> " + answer.status() + ": ";
        if (answer.transportFailure() != null) {
            failures.add(at + "no answer (" + answer.transportFailure() + ")");
            return failures;
        }
        if (answer.status() >= 500) {
            failures.add(at + "a 5xx " + abbreviate(answer.body()));
        }
        if (answer.status() >= 400 && !isProblem(answer)) {
            failures.add(at + "not a problem+json body: " + answer.contentType() + " " + abbreviate(answer.body()));
        }
        for (String leak : LEAKS) {
            if (answer.body().contains(leak)) {
                failures.add(at + "the body shows '" + leak.strip() + "': " + abbreviate(answer.body()));
            }
        }
        errorLines.forEach(line -> failures.add(at + "logged ERROR " + abbreviate(line)));
        long bound = probe.operation().path().startsWith("/internal/v1/jobs/") ? JOB_BOUND_MILLIS : BOUND_MILLIS;
        if (answer.millis() > bound) {
            failures.add(at + "took " + answer.millis() + " ms");
        }
        expectation(probe, answer).ifPresent(wrong -> failures.add(at + wrong));
        return failures;
    }

    private static java.util.Optional<String> expectation(Probe probe, Answer answer) {
        return switch (probe.expect()) {
            case ANY -> java.util.Optional.empty();
            case CLIENT_ERROR ->
                answer.status() >= 400 && answer.status() < 500
                        ? java.util.Optional.empty()
                        : java.util.Optional.of("expected a 4xx");
            case MALFORMED_JSON ->
                answer.status() == 400 && code(answer).equals("malformed_json")
                        ? java.util.Optional.empty()
                        : java.util.Optional.of("expected 400 malformed_json, got code " + code(answer));
            case TOO_LARGE ->
                answer.status() == 413 && code(answer).equals("payload_too_large")
                        ? java.util.Optional.empty()
                        : java.util.Optional.of("expected 413 payload_too_large");
        };
    }

    private static boolean isProblem(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = parse(answer.body());
        return problem != null
                && problem.path("status").asInt() == answer.status()
                && !problem.path("code").asText().isBlank()
                && !problem.path("title").asText().isBlank();
    }

    private static String code(Answer answer) {
        JsonNode problem = parse(answer.body());
        return problem == null ? "" : problem.path("code").asText();
    }

    private static JsonNode parse(String body) {
        try {
            return new ObjectMapper().readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
