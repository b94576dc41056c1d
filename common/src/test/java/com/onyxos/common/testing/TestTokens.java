package com.onyxos.common.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Mints bearer tokens the services accept in tests: RS256 with the test key whose public half is
 * {@code %test.quarkus.oidc.public-key}, issuer {@value #ISSUER}. Never used outside tests.
 */
public final class TestTokens {

    /** The issuer the services expect in the test profile ({@code %test.quarkus.oidc.token.issuer}). */
    public static final String ISSUER = "https://onyx.test/issuer";

    private static final PrivateKey KEY = readKey("/onyx-test-keys/private.pem");

    private TestTokens() {}

    /** A valid token for the user, expiring in an hour. */
    public static String mint(TestUser user) {
        return claims(user, Instant.now(), Duration.ofHours(1)).sign(KEY);
    }

    /**
     * A valid token for the user, expiring in an hour, with {@code claims} added or replacing the defaults (for
     * example {@code sid}, {@code amr} or {@code email}).
     */
    public static String mint(TestUser user, Map<String, Object> claims) {
        JwtClaimsBuilder builder = claims(user, Instant.now(), Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder.sign(KEY);
    }

    /** A valid token for the user that expires {@code lifetime} from now (whole seconds, as {@code exp} is). */
    public static String expiringIn(TestUser user, Duration lifetime) {
        return claims(user, Instant.now(), lifetime).sign(KEY);
    }

    /** A token that expired a while ago. */
    public static String expired(TestUser user) {
        return claims(user, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
                .sign(KEY);
    }

    /** A well-formed token from an issuer the services do not trust. */
    public static String wrongIssuer(TestUser user) {
        return claims(user, Instant.now(), Duration.ofHours(1))
                .issuer("https://attacker.example/issuer")
                .sign(KEY);
    }

    /** A token with the right claims signed by a key the services do not know. */
    public static String signedByUnknownKey(TestUser user) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(user, Instant.now(), Duration.ofHours(1))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(TestUser user, Instant issuedAt, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .subject(user.subject())
                .upn(user.subject())
                .groups(user.roles())
                .claim("sid", "session-" + user.subject())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
    }

    private static PrivateKey readKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable test key " + resource, e);
        }
    }
}
