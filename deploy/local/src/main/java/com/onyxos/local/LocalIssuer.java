package com.onyxos.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stack's OIDC issuer: an RSA key generated on first start and kept in the data folder (never committed,
 * so nothing outside this machine trusts it), the discovery document and key set the services read, and tokens for
 * the demo users and the services.
 */
public final class LocalIssuer {

    static final String KEY_FILE = "issuer/signing-key.jwk.json";

    private final String issuer;
    private final RsaJsonWebKey key;
    private final Clock clock;

    private LocalIssuer(String issuer, RsaJsonWebKey key, Clock clock) {
        this.issuer = issuer;
        this.key = key;
        this.clock = clock;
    }

    /** The issuer {@code issuer} signing with the key kept in {@code dataDir}, generated when there is none. */
    public static LocalIssuer open(String issuer, Path dataDir, Clock clock) {
        return new LocalIssuer(issuer, loadOrGenerate(dataDir.resolve(KEY_FILE)), clock);
    }

    public String issuer() {
        return issuer;
    }

    /** The id of the signing key (the {@code kid} of every token). */
    public String keyId() {
        return key.getKeyId();
    }

    /** A signed access token for {@code subject} with platform roles {@code groups}, valid for {@code lifetime}. */
    public String mint(String subject, List<String> groups, Duration lifetime) {
        return sign(claims(subject, groups, lifetime));
    }

    /**
     * A token saying the provider checked a second factor ({@code amr}: RFC 8176 {@code otp}), which passes step-up:
     * for the launcher's own re-authorization of Fanvue connections at start, never handed out.
     */
    public String mintWithSecondFactor(String subject, Duration lifetime) {
        JwtClaims claims = claims(subject, List.of(), lifetime);
        claims.setStringListClaim("amr", List.of("pwd", "otp"));
        return sign(claims);
    }

    private JwtClaims claims(String subject, List<String> groups, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        long now = clock.instant().getEpochSecond();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setClaim("preferred_username", subject);
        claims.setClaim("email", subject + "@onyx.local");
        claims.setStringListClaim("groups", groups);
        // One session per token: a code verified with this token steps up this token's session only.
        String jti = UUID.randomUUID().toString();
        claims.setJwtId(jti);
        claims.setClaim("sid", "local-" + jti);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now - 5));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** The OpenID discovery document ({@code /.well-known/openid-configuration}). */
    public Map<String, Object> discovery() {
        return Map.of(
                "issuer",
                issuer,
                "jwks_uri",
                issuer + "/jwks",
                "token_endpoint",
                issuer + "/local/tokens",
                "response_types_supported",
                List.of("code"),
                "subject_types_supported",
                List.of("public"),
                "id_token_signing_alg_values_supported",
                List.of("RS256"));
    }

    /** The public key set ({@code /jwks}). */
    public String jwksJson() {
        return new JsonWebKeySet(publicOnly()).toJson();
    }

    private JsonWebKey publicOnly() {
        try {
            JsonWebKey copy = JsonWebKey.Factory.newJwk(key.getPublicKey());
            copy.setKeyId(key.getKeyId());
            copy.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            copy.setUse("sig");
            return copy;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(file, StandardCharsets.UTF_8));
            }
            RsaJsonWebKey generated = RsaJwkGenerator.generateJwk(2048);
            generated.setKeyId("local-" + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the issuer's key in " + file, e);
        } catch (JoseException e) {
            throw new IllegalStateException("Unreadable issuer key " + file + ": start with --fresh", e);
        }
    }
}
