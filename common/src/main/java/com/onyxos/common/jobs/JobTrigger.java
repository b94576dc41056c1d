package com.onyxos.common.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What a Kubernetes CronJob runs (from any service image, on the JDK alone): gets a token with the OAuth client
 * credentials grant from the OIDC provider and calls one job endpoint with it. Exit code 0 when the endpoint answered
 * 2xx, 1 when a call failed (the Job's backoff retries it; the endpoints are safe to call twice), 2 when a setting
 * is missing. Settings come from the environment (see {@link #SETTINGS}); the secret is never printed.
 */
public final class JobTrigger {

    /** Job endpoint to {@code POST}, e.g. {@code http://vault-sync-service/internal/v1/jobs/vault-sync}. */
    public static final String URL = "ONYX_JOB_URL";

    /** The OIDC provider; its discovery document gives the token endpoint. */
    public static final String ISSUER = "ONYX_OIDC_ISSUER";

    /** Token endpoint, when the provider has no discovery document (optional). */
    public static final String TOKEN_URL = "ONYX_JOB_TOKEN_URL";

    /** The CronJobs' OAuth client, whose tokens carry the {@code service} role. */
    public static final String CLIENT_ID = "ONYX_JOB_CLIENT_ID";

    public static final String CLIENT_SECRET = "ONYX_JOB_CLIENT_SECRET";

    /** Extra grant parameters some providers need (optional): {@code scope}, and Auth0's {@code audience}. */
    public static final String SCOPE = "ONYX_JOB_SCOPE";

    public static final String AUDIENCE = "ONYX_JOB_AUDIENCE";

    /** How long each call may take (ISO-8601, optional, default {@code PT60S}). */
    public static final String TIMEOUT = "ONYX_JOB_TIMEOUT";

    /** Every environment variable this reads. */
    public static final List<String> SETTINGS =
            List.of(URL, ISSUER, TOKEN_URL, CLIENT_ID, CLIENT_SECRET, SCOPE, AUDIENCE, TIMEOUT);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final PrintStream out;
    private final HttpClient http;
    private final Duration timeout;

    private JobTrigger(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
        this.timeout = Duration.parse(env.getOrDefault(TIMEOUT, "PT60S"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    /** Triggers the job described by {@code env}, reporting on {@code out}; answers the exit code. */
    public static int run(Map<String, String> env, PrintStream out) {
        for (String required : List.of(URL, CLIENT_ID, CLIENT_SECRET)) {
            if (blank(env.get(required))) {
                out.println("onyx-job-trigger: " + required + " is not set");
                return 2;
            }
        }
        if (blank(env.get(ISSUER)) && blank(env.get(TOKEN_URL))) {
            out.println("onyx-job-trigger: neither " + ISSUER + " nor " + TOKEN_URL + " is set");
            return 2;
        }
        try {
            return new JobTrigger(env, out).trigger();
        } catch (TriggerFailure e) {
            out.println("onyx-job-trigger: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("onyx-job-trigger: no answer (" + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("onyx-job-trigger: interrupted");
            return 1;
        }
    }

    private int trigger() throws IOException, InterruptedException {
        String token = accessToken(tokenEndpoint());
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(env.get(URL)))
                        .timeout(timeout)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        out.println("onyx-job-trigger: POST " + env.get(URL) + " -> " + answer.statusCode() + " " + answer.body());
        return answer.statusCode() / 100 == 2 ? 0 : 1;
    }

    private String tokenEndpoint() throws IOException, InterruptedException {
        if (!blank(env.get(TOKEN_URL))) {
            return env.get(TOKEN_URL);
        }
        String discovery = env.get(ISSUER).replaceAll("/+$", "") + "/.well-known/openid-configuration";
        JsonNode document = json(http.send(
                HttpRequest.newBuilder(URI.create(discovery))
                        .timeout(timeout)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        return text(document, "token_endpoint", discovery);
    }

    private String accessToken(String tokenEndpoint) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        addIfSet(form, "scope", env.get(SCOPE));
        addIfSet(form, "audience", env.get(AUDIENCE));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(tokenEndpoint))
                        .timeout(timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", basic(env.get(CLIENT_ID), env.get(CLIENT_SECRET)))
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return text(json(answer), "access_token", tokenEndpoint);
    }

    private static JsonNode json(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            throw new TriggerFailure(answer.request().method() + " " + answer.uri() + " -> " + answer.statusCode() + " "
                    + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new TriggerFailure(answer.uri() + " answered something that is not JSON");
        }
    }

    private static String text(JsonNode document, String field, String from) {
        JsonNode value = document.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new TriggerFailure(from + " answered without " + field);
        }
        return value.asText();
    }

    /** RFC 6749 2.3.1: id and secret are form-encoded, then joined and Base64-encoded. */
    private static String basic(String id, String secret) {
        String pair = encode(id) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void addIfSet(StringBuilder form, String name, String value) {
        if (!blank(value)) {
            form.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A call that failed, described without credentials. */
    private static final class TriggerFailure extends RuntimeException {
        TriggerFailure(String message) {
            super(message, null, false, false);
        }
    }
}
