package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerTest {

    private static final String ISSUER = "http://127.0.0.1:9080/issuer";

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsGeneratedOnFirstStartKeptPrivateAndReusedAfter() throws Exception {
        LocalIssuer first = LocalIssuer.open(ISSUER, dataDir, Clock.systemUTC());
        Path keyFile = dataDir.resolve(LocalIssuer.KEY_FILE);

        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        LocalIssuer again = LocalIssuer.open(ISSUER, dataDir, Clock.systemUTC());
        assertThat(again.keyId()).isEqualTo(first.keyId());
        // A token of the first is valid under the second's key set: same key.
        assertThat(verify(again, first.mint("u", List.of(), Duration.ofMinutes(5)))
                        .getSubject())
                .isEqualTo("u");
    }

    @Test
    void anotherDataFolderGetsAnotherKey() throws Exception {
        LocalIssuer a = LocalIssuer.open(ISSUER, dataDir.resolve("a"), Clock.systemUTC());
        LocalIssuer b = LocalIssuer.open(ISSUER, dataDir.resolve("b"), Clock.systemUTC());

        assertThat(a.keyId()).isNotEqualTo(b.keyId());
        String token = a.mint("u", List.of(), Duration.ofMinutes(5));
        assertThatThrownBy(() -> verify(b, token)).isInstanceOf(Exception.class);
    }

    @Test
    void tokensCarryWhatTheServicesRead() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(ISSUER, dataDir, Clock.systemUTC());

        JwtClaims claims = verify(issuer, issuer.mint("demo-ops", List.of("ops"), Duration.ofHours(12)));

        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("demo-ops");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("ops");
        assertThat(claims.getClaimValueAsString("sid")).startsWith("local-");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(Duration.ofHours(12).toSeconds());
        assertThat(claims.hasClaim("amr")).isFalse();
    }

    @Test
    void theLaunchersOwnTokenSaysASecondFactorWasChecked() throws Exception {
        LocalIssuer issuer = LocalIssuer.open(ISSUER, dataDir, Clock.systemUTC());

        JwtClaims claims = verify(issuer, issuer.mintWithSecondFactor("demo-admin", Duration.ofMinutes(5)));

        assertThat(claims.getStringListClaimValue("amr")).contains("otp");
    }

    @Test
    void theDiscoveryDocumentPointsAtTheKeySet() {
        LocalIssuer issuer = LocalIssuer.open(ISSUER, dataDir, Clock.systemUTC());

        assertThat(issuer.discovery()).containsEntry("issuer", ISSUER).containsEntry("jwks_uri", ISSUER + "/jwks");
        assertThat(issuer.jwksJson()).contains(issuer.keyId()).doesNotContain("\"d\"");
    }

    @Test
    void demoRolesMapToSubjectsAndPlatformRoles() {
        DemoUsers users = new DemoUsers(StackConfig.defaults(dataDir));

        assertThat(users.identity("admin").subject()).isEqualTo("demo-admin");
        assertThat(users.identity("member").groups()).isEmpty();
        assertThat(users.identity("ops").groups()).containsExactly("ops");
        assertThat(users.identity("service").groups()).containsExactly("service");
        assertThatThrownBy(() -> users.identity("root")).hasMessageContaining("admin, member, ops or service");
    }

    private static JwtClaims verify(LocalIssuer issuer, String token) throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(issuer.jwksJson());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        var key = new VerificationJwkSelector().select(jws, keys.getJsonWebKeys());
        if (key == null) {
            throw new InvalidJwtException("no key " + jws.getKeyIdHeaderValue(), List.of(), null);
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(ISSUER)
                .setRequireExpirationTime()
                .setVerificationKey(key.getKey())
                .build();
        return consumer.processToClaims(token);
    }
}
