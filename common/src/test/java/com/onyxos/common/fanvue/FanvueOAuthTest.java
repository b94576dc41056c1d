package com.onyxos.common.fanvue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.onyxos.common.fanvue.model.FanvueTokens;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The token endpoint: PKCE code exchange and refresh with HTTP Basic client auth, sent once, errors typed. */
class FanvueOAuthTest extends WireMockFanvueTest {

    private static final String TOKENS = "{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"expires_in\":3600,"
            + "\"token_type\":\"Bearer\",\"scope\":\"openid offline_access read:self\"}";

    private FanvueTokens refresh(String token) {
        return fixture.client.oauth().refresh(token).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aCodeIsExchangedWithItsVerifierAndBasicClientAuth() {
        fanvue.stubFor(post("/oauth2/token").willReturn(okJson(TOKENS)));
        Pkce pkce = Pkce.create();

        FanvueTokens tokens = fixture.client
                .oauth()
                .exchangeCode("code-1", "https://app.onyx.test/callback", pkce.verifier())
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(tokens.accessToken()).isEqualTo("at-2");
        assertThat(tokens.refreshToken()).isEqualTo("rt-2");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        String basic = Base64.getEncoder().encodeToString("onyx-test-client:onyx-test-secret".getBytes());
        fanvue.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo("code-1"))
                .withFormParam("redirect_uri", equalTo("https://app.onyx.test/callback"))
                .withFormParam("code_verifier", equalTo(pkce.verifier())));
        assertThat(fanvue.getAllServeEvents().get(0).getRequest().getHeader("X-Fanvue-API-Version"))
                .isNull();
    }

    @Test
    void aRefreshSendsTheRefreshTokenGrant() {
        fanvue.stubFor(post("/oauth2/token").willReturn(okJson(TOKENS)));

        assertThat(refresh("rt-1").refreshToken()).isEqualTo("rt-2");

        fanvue.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("rt-1")));
    }

    @Test
    void aTokenFormGoesWithItsLengthNotChunked() {
        fanvue.stubFor(post("/oauth2/token").willReturn(okJson(TOKENS)));
        String awkward = "rt 1+/=&%\u00fc";

        refresh(awkward);

        var request = fanvue.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("Transfer-Encoding")).isNull();
        assertThat(request.getHeader("Content-Length")).isEqualTo(Integer.toString(request.getBody().length));
        fanvue.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(awkward)));
    }

    @Test
    void aRefreshAnswerWithoutRefreshTokenSaysSo() {
        fanvue.stubFor(post("/oauth2/token")
                .willReturn(okJson("{\"access_token\":\"at-2\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));

        FanvueTokens tokens = refresh("rt-1");

        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.toString()).doesNotContain("at-2").contains("refreshToken=absent");
    }

    @Test
    void invalidGrantIsTypedAndNeverRetried() {
        fanvue.stubFor(post("/oauth2/token")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token reused\"}")));

        FanvueException.OAuthError error =
                catchThrowableOfType(FanvueException.OAuthError.class, () -> refresh("rt-1"));

        assertThat(error.invalidGrant()).isTrue();
        assertThat(error.fanvueMessage()).contains("refresh token reused");
        fanvue.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
    }

    @Test
    void aServerErrorOrLostAnswerIsNotResent() {
        fanvue.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(502)));
        FanvueException.ServerError unknownOutcome =
                catchThrowableOfType(FanvueException.ServerError.class, () -> refresh("rt-1"));
        assertThat(unknownOutcome.status()).isEqualTo(502);

        fanvue.resetAll();
        fanvue.stubFor(post("/oauth2/token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        FanvueException.Transport lost = catchThrowableOfType(FanvueException.Transport.class, () -> refresh("rt-1"));

        assertThat(lost.status()).isZero();
        fanvue.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
    }

    @Test
    void aMalformedTokenAnswerNeverEchoesItsBody() {
        fanvue.stubFor(post("/oauth2/token").willReturn(okJson("{\"access_token\":\"at-secret\",\"expires_")));

        FanvueException.MalformedResponse error =
                catchThrowableOfType(FanvueException.MalformedResponse.class, () -> refresh("rt-1"));

        assertThat(error.rawBody()).isEmpty();
        assertThat(error.getMessage()).doesNotContain("at-secret");
    }

    @Test
    void theAuthorizeUrlCarriesEveryPkceParameter() {
        Pkce pkce = Pkce.create();

        URI url = fixture.client
                .oauth()
                .authorizeUrl(
                        "https://app.onyx.test/callback",
                        List.of("openid", "offline_access"),
                        "st-1",
                        pkce.challenge());

        Map<String, String> query = Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(url.getPath()).isEqualTo("/oauth2/auth");
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "onyx-test-client")
                .containsEntry("redirect_uri", "https://app.onyx.test/callback")
                .containsEntry("scope", "openid offline_access")
                .containsEntry("state", "st-1")
                .containsEntry("code_challenge", pkce.challenge())
                .containsEntry("code_challenge_method", "S256");
    }

    @Test
    void pkceFollowsRfc7636() {
        // RFC 7636 appendix B.
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce pkce = Pkce.create();
        assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Pkce.create().verifier()).isNotEqualTo(pkce.verifier());
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }
}
