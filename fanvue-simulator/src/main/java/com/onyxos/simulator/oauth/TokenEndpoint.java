package com.onyxos.simulator.oauth;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.http.Endpoint;
import com.onyxos.simulator.http.Exchange;
import com.onyxos.simulator.http.SimResponse;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/token}: form body, HTTP Basic client authentication, the authorization_code (PKCE S256) and
 * refresh_token grants; errors in RFC 6749 §5.2 shape.
 */
final class TokenEndpoint implements Endpoint {
    /** Token answers must never be cached (RFC 6749 §5.1). */
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

    private final SimulatorState state;

    TokenEndpoint(SimulatorState state) {
        this.state = state;
    }

    @Override
    public SimResponse handle(Exchange ex) {
        MultiMap form = ex.context().request().formAttributes();
        String grantType = form.get("grant_type");
        ex.grantType(grantType);
        Optional<OAuthClient> client = authenticate(ex.header("Authorization"));
        if (client.isEmpty()) {
            return SimResponse.json(401, Map.of("error", "invalid_client"))
                    .withHeaders(Map.of("WWW-Authenticate", "Basic realm=\"fanvue\""));
        }
        String clientId = client.get().clientId();
        ex.caller(clientId, null);
        try {
            IssuedTokens issued = state.locked(() -> switch (grantType == null ? "" : grantType) {
                case "authorization_code" ->
                    state.tokens()
                            .exchange(clientId, form.get("code"), form.get("redirect_uri"), form.get("code_verifier"));
                case "refresh_token" -> state.tokens().refresh(clientId, form.get("refresh_token"));
                default ->
                    throw new OAuthError(
                            "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
            });
            ex.caller(clientId, issued.userUuid());
            return SimResponse.ok(issued.response()).withHeaders(NO_STORE);
        } catch (OAuthError e) {
            return SimResponse.json(400, Map.of("error", e.error(), "error_description", e.description()))
                    .withHeaders(NO_STORE);
        }
    }

    private Optional<OAuthClient> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        return state.settings().clients().stream()
                .filter(c -> c.clientId().equals(id) && c.clientSecret().equals(secret))
                .findFirst();
    }
}
