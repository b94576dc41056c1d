package com.onyxos.local;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;

/**
 * The local issuer over HTTP under {@code /issuer}: the discovery document and key set the services read, and
 * {@code POST /issuer/local/tokens} minting a token for a demo role or a subject (loopback only: the console and
 * {@code curl} on this machine).
 */
public final class IssuerEndpoints {

    private final LocalIssuer issuer;
    private final DemoUsers users;

    public IssuerEndpoints(LocalIssuer issuer, DemoUsers users) {
        this.issuer = issuer;
        this.users = users;
    }

    void mount(Router router, Vertx vertx) {
        String discovery = new JsonObject(issuer.discovery()).encode();
        String jwks = issuer.jwksJson();
        router.get("/issuer/.well-known/openid-configuration").handler(ctx -> json(ctx, 200, discovery));
        router.get("/issuer/jwks").handler(ctx -> json(ctx, 200, jwks));
        router.post("/issuer/local/tokens").handler(ConsoleServer.formBodies()).handler(this::mint);
    }

    /** Form or query {@code role=admin|member|ops|service}, or {@code sub=...} with optional {@code groups=a,b}. */
    private void mint(RoutingContext ctx) {
        String role = ctx.request().getParam("role");
        String subject = ctx.request().getParam("sub");
        try {
            DemoUsers.Identity identity;
            if (subject != null && !subject.isBlank()) {
                String groups = ctx.request().getParam("groups");
                List<String> roles = groups == null || groups.isBlank()
                        ? List.of()
                        : Arrays.stream(groups.split(",")).map(String::trim).toList();
                identity = new DemoUsers.Identity(subject.trim(), roles, DemoUsers.USER_TOKEN_LIFETIME);
            } else {
                identity = users.identity(role == null ? "admin" : role);
            }
            String token = issuer.mint(identity.subject(), identity.groups(), identity.lifetime());
            json(
                    ctx,
                    200,
                    new JsonObject()
                            .put("access_token", token)
                            .put("token_type", "Bearer")
                            .put("expires_in", identity.lifetime().toSeconds())
                            .put("subject", identity.subject())
                            .put("groups", identity.groups())
                            .encode());
        } catch (IllegalArgumentException e) {
            json(
                    ctx,
                    400,
                    new JsonObject()
                            .put("error", "invalid_request")
                            .put("error_description", e.getMessage())
                            .encode());
        }
    }

    private static void json(RoutingContext ctx, int status, String body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store")
                .end(body);
    }
}
