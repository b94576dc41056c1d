package com.onyxos.auth.rest;

import static io.restassured.RestAssured.given;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.TestUser;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives the PKCE connect flow the way a browser and the dashboard would, against the simulator. */
public final class FanvueConnectFlow {

    private FanvueConnectFlow() {}

    /** Asks auth-service for the authorization URL; returns it. */
    static String authorizeUrl(TestUser admin, String kind) {
        return admin.request()
                .queryParam("kind", kind)
                .get("/api/fanvue/connect")
                .then()
                .statusCode(200)
                .extract()
                .path("authorizeUrl");
    }

    /**
     * Follows the authorization URL at the simulator (it approves the demo user, or {@code loginHint}), and returns
     * the code and state Fanvue sends back to the registered redirect URI.
     */
    static Map<String, String> approve(String authorizeUrl, String loginHint) {
        String url = loginHint == null ? authorizeUrl : authorizeUrl + "&login_hint=" + loginHint;
        Response redirect =
                given().urlEncodingEnabled(false).redirects().follow(false).get(URI.create(url));
        if (redirect.statusCode() != 302) {
            throw new AssertionError(
                    "authorization not approved: " + redirect.statusCode() + " " + redirect.asString());
        }
        URI back = URI.create(redirect.header("Location"));
        if (!back.toString().startsWith(FanvueSimulatorResource.REDIRECT_URI)) {
            throw new AssertionError("redirected elsewhere: " + back);
        }
        return Arrays.stream(back.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** Hands code and state to the callback as the dashboard would. */
    static Response callback(TestUser user, Map<String, String> codeAndState) {
        return user.request()
                .queryParam("code", codeAndState.get("code"))
                .queryParam("state", codeAndState.get("state"))
                .get("/api/fanvue/callback");
    }

    /** The whole flow for {@code kind}; returns the new connection's id. */
    public static String connect(TestUser admin, String kind, String loginHint) {
        Response done = callback(admin, approve(authorizeUrl(admin, kind), loginHint));
        if (done.statusCode() != 200) {
            throw new AssertionError("callback failed: " + done.statusCode() + " " + done.asString());
        }
        return done.path("id");
    }
}
