package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.ErrorBodies;
import com.onyxos.common.fanvue.internal.FanvueHttp;
import com.onyxos.common.fanvue.internal.FanvueJson;
import com.onyxos.common.fanvue.model.FanvueTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fanvue's OAuth server: the authorization URL (code flow with PKCE S256) and the token endpoint (code exchange and
 * refresh, HTTP Basic client authentication). Token calls are sent once and never retried: codes and refresh tokens
 * are single use, and a refresh answer lost on the way back must be handled by the caller, not by a resend.
 */
public final class FanvueOAuth {

    private static final String TOKEN_ROUTE = "POST /oauth2/token";

    private final FanvueHttp http;
    private final FanvueClientSettings settings;

    FanvueOAuth(FanvueHttp http, FanvueClientSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** The URL to send the user's browser to. */
    public URI authorizeUrl(String redirectUri, List<String> scopes, String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", String.join(" ", scopes));
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        String encoded = query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(settings.authBaseUrl() + "/oauth2/auth?" + encoded);
    }

    /** Exchanges an authorization code (with the PKCE verifier that matches its challenge) for tokens. */
    public Uni<FanvueTokens> exchangeCode(String code, String redirectUri, String codeVerifier) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "authorization_code")
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .add("code_verifier", codeVerifier);
        return grant(form);
    }

    /**
     * Trades a refresh token for a new pair. Fanvue rotates refresh tokens: the one presented is dead once this
     * succeeds, so the caller must store the answer before anything else uses it.
     */
    public Uni<FanvueTokens> refresh(String refreshToken) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken);
        return grant(form);
    }

    private Uni<FanvueTokens> grant(MultiMap form) {
        URI url = URI.create(settings.authBaseUrl() + "/oauth2/token");
        return http.postFormOnce(TOKEN_ROUTE, url, form, basicAuthorization()).map(FanvueOAuth::tokens);
    }

    private static FanvueTokens tokens(HttpResponse<Buffer> response) {
        String raw = response.bodyAsString() == null ? "" : response.bodyAsString();
        if (response.statusCode() >= 500) {
            // Whether the grant was processed is unknown: not a refusal, and the body may hold nothing useful.
            throw new FanvueException.ServerError(TOKEN_ROUTE, response.statusCode(), "", FanvueErrorBody.NONE);
        }
        if (response.statusCode() != 200) {
            FanvueErrorBody body = ErrorBodies.parse(raw);
            FanvueErrorBody oauth = new FanvueErrorBody(body.error(), description(raw), body.errors(), null);
            throw new FanvueException.OAuthError(TOKEN_ROUTE, response.statusCode(), raw, oauth);
        }
        try {
            FanvueTokens tokens = FanvueJson.mapper().readValue(raw, FanvueTokens.class);
            if (tokens.accessToken() == null || tokens.accessToken().isBlank() || tokens.expiresIn() <= 0) {
                throw new FanvueException.MalformedResponse(TOKEN_ROUTE, 200, "", "no access_token or expires_in");
            }
            return tokens;
        } catch (IOException e) {
            // The raw body holds tokens: it is never kept in the exception.
            throw new FanvueException.MalformedResponse(TOKEN_ROUTE, 200, "", "unreadable JSON");
        }
    }

    private static String description(String raw) {
        try {
            var node = FanvueJson.mapper().readTree(raw);
            return node != null && node.hasNonNull("error_description")
                    ? node.get("error_description").asText()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String basicAuthorization() {
        String secret = settings.clientSecret()
                .orElseThrow(() -> new IllegalStateException("onyx.fanvue.client-secret is not configured"));
        String pair = URLEncoder.encode(clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private String clientId() {
        return settings.clientId()
                .orElseThrow(() -> new IllegalStateException("onyx.fanvue.client-id is not configured"));
    }
}
