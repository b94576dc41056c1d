package com.onyxos.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.httpproxy.HttpProxy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack's front door on one origin: the demo console's static files, the local OIDC issuer under
 * {@code /issuer}, and the services' public APIs under {@code /api} (a reverse proxy by path prefix, so the
 * console needs no CORS).
 */
public final class ConsoleServer implements AutoCloseable {

    /** Which service answers which API path prefix. */
    static final Map<String, String> ROUTES = routes();

    private final Vertx vertx;
    private final HttpServer server;

    private ConsoleServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Serves on 127.0.0.1:{@code config.ports().console()}: {@code consoleDir}'s files, the issuer, the APIs and
     * {@code /local/stack.json} (the stack's URLs, for the console's links).
     */
    public static ConsoleServer start(StackConfig config, Path consoleDir, IssuerEndpoints issuer) {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        issuer.mount(router, vertx);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(32));
        Ports ports = config.ports();
        Map<String, Integer> backends = Map.of("auth", ports.auth(), "vault", ports.vault(), "stats", ports.stats());
        ROUTES.forEach((prefix, service) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(backends.get(service), "127.0.0.1");
            router.route(prefix).handler(ctx -> proxy.handle(ctx.request()));
            router.route(prefix + "/*").handler(ctx -> proxy.handle(ctx.request()));
        });
        router.route("/api/*").handler(ConsoleServer::unknownApi);
        String stack = stackJson(config);
        router.get("/local/stack.json").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store")
                .end(stack));
        router.route("/*")
                .handler(StaticHandler.create(FileSystemAccess.ROOT, consoleDir.toString())
                        .setCachingEnabled(false)
                        .setIndexPage("index.html"));
        HttpServer server = vertx.createHttpServer();
        try {
            server.requestHandler(router)
                    .listen(ports.console(), "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Could not serve the console on port " + ports.console(), e);
        }
        return new ConsoleServer(vertx, server);
    }

    /** A body handler for the issuer's form posts (the proxy routes stream bodies and must not use it). */
    static BodyHandler formBodies() {
        return BodyHandler.create().setBodyLimit(16 * 1024);
    }

    private static Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String prefix : List.of("/api/agencies", "/api/me", "/api/agency", "/api/fanvue", "/api/user")) {
            routes.put(prefix, "auth");
        }
        routes.put("/api/vault", "vault");
        routes.put("/api/creators", "stats");
        return routes;
    }

    private static void unknownApi(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response()
                .setStatusCode(404)
                .putHeader("content-type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", "Not Found")
                        .put("status", 404)
                        .put("code", "not_found")
                        .put("detail", "No service of the local stack serves " + request.path())
                        .encode());
    }

    private static String stackJson(StackConfig config) {
        Ports ports = config.ports();
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("auth-service", "http://localhost:" + ports.auth());
        services.put("vault-sync-service", "http://localhost:" + ports.vault());
        services.put("stats-service", "http://localhost:" + ports.stats());
        services.put("fanvue-simulator", "http://localhost:" + ports.simulator());
        try {
            return new ObjectMapper().writeValueAsString(Map.of("services", services, "issuer", config.issuerUrl()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Could not stop the console server cleanly: " + e.getMessage());
        }
    }
}
