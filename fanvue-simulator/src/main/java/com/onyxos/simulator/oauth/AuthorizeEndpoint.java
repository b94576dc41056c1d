package com.onyxos.simulator.oauth;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.http.Endpoint;
import com.onyxos.simulator.http.Exchange;
import com.onyxos.simulator.http.SimResponse;
import com.onyxos.simulator.world.SimUser;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /oauth2/auth}: auto-approves the demo user (or the seeded user named by {@code login_hint}) and redirects
 * with a code. A bad client or redirect URI is answered 400 here; every other error goes back to the redirect URI
 * (RFC 6749 §4.1.2.1).
 */
final class AuthorizeEndpoint implements Endpoint {
    private final SimulatorState state;

    AuthorizeEndpoint(SimulatorState state) {
        this.state = state;
    }

    @Override
    public SimResponse handle(Exchange ex) {
        MultiMap q = ex.context().queryParams();
        String clientId = q.get("client_id");
        String redirectUri = q.get("redirect_uri");
        Optional<OAuthClient> client = state.settings().clients().stream()
                .filter(c -> c.clientId().equals(clientId))
                .findFirst();
        if (client.isEmpty()) {
            return invalid("unknown client_id");
        }
        if (redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
            return invalid("redirect_uri is not registered for this client");
        }
        ex.caller(clientId, null);
        String state = q.get("state");
        String problem = problem(q);
        if (problem != null) {
            String error = problem.startsWith("scope")
                    ? "invalid_scope"
                    : problem.startsWith("response_type") ? "unsupported_response_type" : "invalid_request";
            return redirect(redirectUri, Map.of("error", error, "error_description", problem), state);
        }
        return this.state.locked(() -> approve(ex, q, clientId, redirectUri, state));
    }

    private SimResponse approve(Exchange ex, MultiMap q, String clientId, String redirectUri, String stateParam) {
        String hint = q.get("login_hint");
        Optional<SimUser> user = hint == null || hint.isBlank()
                ? state.world().user(state.world().demoUserUuid())
                : state.world().userByUuidOrHandle(hint);
        if (user.isEmpty()) {
            return redirect(
                    redirectUri,
                    Map.of("error", "access_denied", "error_description", "no such user: " + hint),
                    stateParam);
        }
        ex.caller(clientId, user.get().uuid());
        List<String> scopes = Scopes.parse(q.get("scope"));
        String code = state.tokens().newCode(clientId, redirectUri, user.get().uuid(), scopes, q.get("code_challenge"));
        return redirect(redirectUri, Map.of("code", code), stateParam);
    }

    private static String problem(MultiMap q) {
        if (!"code".equals(q.get("response_type"))) {
            return "response_type must be code";
        }
        if (!"S256".equals(q.get("code_challenge_method"))) {
            return "PKCE is required: code_challenge_method must be S256";
        }
        if (!Pkce.wellFormedChallenge(q.get("code_challenge"))) {
            return "code_challenge must be the unpadded base64url SHA-256 of the verifier (43 characters)";
        }
        List<String> scopes = Scopes.parse(q.get("scope"));
        if (scopes.isEmpty()) {
            return "scope is required";
        }
        List<String> unknown =
                scopes.stream().filter(s -> !Scopes.KNOWN.contains(s)).toList();
        return unknown.isEmpty() ? null : "scope contains unknown values: " + String.join(" ", unknown);
    }

    private static SimResponse invalid(String description) {
        return SimResponse.json(400, Map.of("error", "invalid_request", "error_description", description));
    }

    private static SimResponse redirect(String redirectUri, Map<String, String> params, String state) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) {
            all.put("state", state);
        }
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        all.forEach((k, v) -> location.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        location.setLength(location.length() - 1);
        return SimResponse.redirect(location.toString());
    }
}
