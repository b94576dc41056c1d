package com.onyxos.common.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CronJobs' trigger against a WireMock provider and job endpoint: token, call, exit codes, no leaked secret. */
class JobTriggerTest {

    private static final String SECRET = "s3cr3t/with+chars";
    private static final String JOB = "/internal/v1/jobs/vault-sync";
    private static WireMockServer server;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void provider() {
        server.resetAll();
        server.stubFor(get(urlEqualTo("/realms/onyx/.well-known/openid-configuration"))
                .willReturn(okJson("{\"token_endpoint\":\"" + server.baseUrl() + "/realms/onyx/token\"}")));
        server.stubFor(post(urlEqualTo("/realms/onyx/token"))
                .withHeader("Authorization", equalTo(basic("onyx-jobs", SECRET)))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"job-token\",\"expires_in\":300}")));
        env.put(JobTrigger.URL, server.baseUrl() + JOB);
        env.put(JobTrigger.ISSUER, server.baseUrl() + "/realms/onyx/");
        env.put(JobTrigger.CLIENT_ID, "onyx-jobs");
        env.put(JobTrigger.CLIENT_SECRET, SECRET);
    }

    @Test
    void theJobIsCalledWithTheProvidersTokenAndSucceeds() {
        server.stubFor(post(urlEqualTo(JOB))
                .withHeader("Authorization", equalTo("Bearer job-token"))
                .willReturn(aResponse().withStatus(202).withBody("{\"runsStarted\":3}")));

        assertThat(run()).isZero();

        assertThat(output()).contains("-> 202 {\"runsStarted\":3}").doesNotContain(SECRET);
        server.verify(1, postRequestedFor(urlEqualTo(JOB)));
    }

    @Test
    void scopeAndAudienceGoWithTheGrantWhenSet() {
        env.put(JobTrigger.SCOPE, "onyx/jobs");
        env.put(JobTrigger.AUDIENCE, "https://api.onyx.example.com");
        env.put(JobTrigger.TOKEN_URL, server.baseUrl() + "/oauth/token");
        server.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=onyx%2Fjobs"
                        + "&audience=https%3A%2F%2Fapi.onyx.example.com"))
                .willReturn(okJson("{\"access_token\":\"audience-token\"}")));
        server.stubFor(post(urlEqualTo(JOB))
                .withHeader("Authorization", equalTo("Bearer audience-token"))
                .willReturn(aResponse().withStatus(202)));

        assertThat(run()).isZero();
    }

    @Test
    void aRefusingEndpointFailsTheRun() {
        server.stubFor(
                post(urlEqualTo(JOB)).willReturn(aResponse().withStatus(403).withBody("{\"code\":\"forbidden\"}")));

        assertThat(run()).isEqualTo(1);
        assertThat(output()).contains("-> 403");
    }

    @Test
    void aProviderRefusingTheClientFailsTheRunWithoutCallingTheJobOrPrintingTheSecret() {
        env.put(JobTrigger.CLIENT_SECRET, "wrong-" + SECRET);

        assertThat(run()).isEqualTo(1);

        assertThat(output()).contains("/realms/onyx/token -> 404").doesNotContain(SECRET);
        server.verify(0, postRequestedFor(urlEqualTo(JOB)));
    }

    @Test
    void anUnreachableEndpointFailsTheRun() {
        env.put(JobTrigger.URL, "http://127.0.0.1:1" + JOB);

        assertThat(run()).isEqualTo(1);
        assertThat(output()).contains("no answer");
    }

    @Test
    void aMissingSettingIsNamed() {
        env.remove(JobTrigger.CLIENT_SECRET);

        assertThat(run()).isEqualTo(2);
        assertThat(output()).contains(JobTrigger.CLIENT_SECRET + " is not set");
        server.verify(0, postRequestedFor(urlEqualTo(JOB)));
    }

    private int run() {
        return JobTrigger.run(env, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String basic(String id, String secret) {
        String pair = id + ":" + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
