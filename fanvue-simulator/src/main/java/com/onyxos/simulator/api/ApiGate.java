package com.onyxos.simulator.api;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.faults.FaultKind;
import com.onyxos.simulator.http.Endpoint;
import com.onyxos.simulator.http.Exchange;
import com.onyxos.simulator.http.SimResponse;
import com.onyxos.simulator.oauth.AccessToken;
import com.onyxos.simulator.oauth.Grant;
import com.onyxos.simulator.ratelimit.RateDecision;
import java.util.Map;

/**
 * Fanvue's checks in Fanvue's order — version, bearer token, rate limit, scopes, creator access — then the handler.
 * Every answer after authentication carries the rate-limit headers.
 */
final class ApiGate implements Endpoint {
    private final SimulatorState state;
    private final ApiRoute route;

    ApiGate(SimulatorState state, ApiRoute route) {
        this.state = state;
        this.route = route;
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public SimResponse handle(Exchange ex) {
        String version = ex.header(VersionCheck.HEADER);
        SimResponse refusal = VersionCheck.refusal(version, state.settings());
        if (refusal != null) {
            return refusal;
        }
        SimResponse response = state.locked(() -> authenticated(ex));
        return response.withHeaders(VersionCheck.headers(version, state.settings()));
    }

    private SimResponse authenticated(Exchange ex) {
        String bearer = bearer(ex.header("Authorization"));
        AccessToken token = state.tokens().accessToken(bearer);
        String problem = bearer == null
                ? "Missing bearer token"
                : token == null
                        ? "Invalid access token"
                        : token.grant().revoked()
                                ? "Access token revoked"
                                : token.expired(System.currentTimeMillis()) ? "Access token expired" : null;
        if (problem != null) {
            return SimResponse.errorOnly(401, problem)
                    .withHeaders(Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        Grant grant = token.grant();
        ex.caller(grant.clientId(), grant.userUuid());
        String creator = route.creatorScoped() ? ex.pathParam(ApiRoute.CREATOR_PARAM) : null;
        ex.bucket(grant.clientId() + "|" + grant.userUuid() + (creator == null ? "" : "|" + creator));
        boolean storm = ex.fault() != null && ex.fault().kind() == FaultKind.RATE_LIMIT;
        RateDecision decision = storm
                ? state.rateLimiter().storm(ex.bucket(), retryAfter(ex))
                : state.rateLimiter().take(ex.bucket());
        if (!decision.allowed()) {
            ex.early(decision.early());
            return SimResponse.errorOnly(429, "Too Many Requests").withHeaders(decision.headers());
        }
        return new ApiAccess(state, route).answer(ex, grant, creator).withHeaders(decision.headers());
    }

    private static long retryAfter(Exchange ex) {
        Integer seconds = ex.fault().retryAfterSeconds();
        return seconds == null ? 1 : seconds;
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
