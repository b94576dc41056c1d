package com.onyxos.local;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Connects an agency to Fanvue the way the console does it in a browser: auth-service's authorization URL (PKCE),
 * the simulator's approval of the demo user (or the Fanvue user named by {@code login_hint}), and the callback
 * with the {@code code} and {@code state} Fanvue sent back to the console's redirect URI.
 */
final class FanvueConnect {

    private FanvueConnect() {}

    /** Connects {@code api}'s agency; returns auth-service's connection view. */
    static StackApi.Answer connect(StackApi api, String loginHint) {
        String authorizeUrl = api.get("/api/fanvue/connect?kind=agency")
                .expect(200, "GET /api/fanvue/connect")
                .at("/authorizeUrl");
        String url = loginHint == null
                ? authorizeUrl
                : authorizeUrl + "&login_hint=" + URLEncoder.encode(loginHint, StandardCharsets.UTF_8);
        StackApi.Answer approval =
                api.raw(HttpRequest.newBuilder(URI.create(url)).GET().build());
        String location = approval.response().headers().firstValue("Location").orElse(null);
        if (approval.status() != 302 || location == null) {
            throw new StackApi.UnexpectedAnswer(
                    "The simulator did not approve the authorization: " + approval.status() + " " + approval.text());
        }
        Map<String, String> back = query(URI.create(location));
        if (back.containsKey("error")) {
            throw new StackApi.UnexpectedAnswer(
                    "The simulator refused: " + back.get("error") + " " + back.get("error_description"));
        }
        return api.get("/api/fanvue/callback?code=" + encode(back.get("code")) + "&state=" + encode(back.get("state")))
                .expect(200, "GET /api/fanvue/callback");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() == null) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
