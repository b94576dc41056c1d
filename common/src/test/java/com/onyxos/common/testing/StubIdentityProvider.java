package com.onyxos.common.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A minimal OIDC provider for tests: on a fixed loopback port it serves a discovery document and a JWKS holding the
 * committed test key, so services check {@link TestTokens} against a real {@code auth-server-url}. It can be
 * stopped and started again on the same port, as a provider that goes away and comes back.
 */
public final class StubIdentityProvider implements AutoCloseable {

    /** The path of the issuer below the server's root. */
    static final String ISSUER_PATH = "/issuer";

    private final int port;
    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;

    public StubIdentityProvider(int port) {
        this.port = port;
    }

    /** The {@code quarkus.oidc.auth-server-url} of a provider on {@code port}. */
    public static String authServerUrl(int port) {
        return "http://127.0.0.1:" + port + ISSUER_PATH;
    }

    /** Starts answering (again). */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        String discovery = new JsonObject()
                .put("issuer", TestTokens.ISSUER)
                .put("jwks_uri", authServerUrl(port) + "/jwks")
                .put("authorization_endpoint", authServerUrl(port) + "/authorize")
                .put("token_endpoint", authServerUrl(port) + "/token")
                .put("response_types_supported", new JsonArray().add("code"))
                .put("subject_types_supported", new JsonArray().add("public"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
                .encode();
        String jwks = new JsonObject().put("keys", new JsonArray().add(jwk())).encode();
        server = vertx.createHttpServer()
                .requestHandler(request -> {
                    String body =
                            switch (request.path()) {
                                case ISSUER_PATH + "/.well-known/openid-configuration" -> discovery;
                                case ISSUER_PATH + "/jwks" -> jwks;
                                default -> null;
                            };
                    request.response()
                            .setStatusCode(body == null ? 404 : 200)
                            .putHeader("Content-Type", "application/json")
                            .end(body == null ? "{}" : body);
                })
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    /** Stops answering: connections to the port are refused. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the stub identity provider", e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        vertx.close();
    }

    /** The committed test key as a JWK without {@code kid}: tokens minted by {@link TestTokens} carry none. */
    private static JsonObject jwk() {
        try (InputStream in = StubIdentityProvider.class.getResourceAsStream("/onyx-test-keys/public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new JsonObject()
                    .put("kty", "RSA")
                    .put("use", "sig")
                    .put("alg", "RS256")
                    .put("n", base64Url(key.getModulus()))
                    .put("e", base64Url(key.getPublicExponent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable test key", e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; // the sign byte is not part of the JWK value
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
