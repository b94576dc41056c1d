package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.onyxos.auth.mfa.Base32;
import com.onyxos.auth.mfa.QrCodeReader;
import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MfaRows;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/user/mfa} and {@code GET /api/user/mfa}: what enrollment hands out, and what it never shows. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaEnrollmentTest extends PinnedClockUserTest {

    @Test
    void enrollmentAnswersSecretOtpauthUriQrCodeAndExpiry() throws Exception {
        Response response = client.user()
                .request(Map.of("email", "anna+mfa@example.com"))
                .contentType(ContentType.JSON)
                .body("{\"friendlyName\":\"Work phone\"}")
                .post("/api/user/mfa");

        response.then().statusCode(201).header("Cache-Control", "no-store").body("type", equalTo("totp"));
        String secret = response.path("secret");
        String uri = response.path("otpauthUri");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(UUID.fromString(response.path("factorId"))).isNotNull();
        assertThat(Instant.parse(response.path("expiresAt")))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/OnyxOS:anna+mfa@example.com");
        assertThat(parsed.getRawPath()).isEqualTo("/OnyxOS:anna%2Bmfa%40example.com");
        assertThat(parsed.getQuery())
                .isEqualTo("secret=" + secret + "&issuer=OnyxOS&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCodeReader.decode(response.path("qrCode"))).isEqualTo(uri);
    }

    @Test
    void withoutEmailTheAccountIsThePreferredUsernameThenTheSubject() {
        String byName = client.user()
                .request(Map.of("preferred_username", "anna"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/user/mfa")
                .path("otpauthUri");
        String bySubject = client.user()
                .request()
                .contentType(ContentType.JSON)
                .post("/api/user/mfa")
                .path("otpauthUri");

        assertThat(URI.create(byName).getPath()).isEqualTo("/OnyxOS:anna");
        assertThat(URI.create(bySubject).getPath())
                .isEqualTo("/OnyxOS:" + client.user().subject());
    }

    @Test
    void theSecretIsStoredEncryptedAndNeverListed() {
        Response enrolled = client.user()
                .request()
                .contentType(ContentType.JSON)
                .body("{\"friendlyName\":\"Phone\"}")
                .post("/api/user/mfa");
        String secret = enrolled.path("secret");
        String id = enrolled.path("factorId");

        String listed = client.user()
                .request()
                .get("/api/user/mfa")
                .then()
                .statusCode(200)
                .body("factors.size()", equalTo(1))
                .body("factors[0].id", equalTo(id))
                .body("factors[0].type", equalTo("totp"))
                .body("factors[0].friendlyName", equalTo("Phone"))
                .body("factors[0].status", equalTo("unverified"))
                .body("factors[0].verifiedAt", nullValue())
                .body("recoveryCodesRemaining", equalTo(0))
                .extract()
                .asString();

        assertThat(listed).doesNotContain(secret).doesNotContainIgnoringCase("secret");
        byte[] stored = (byte[]) MfaRows.value("select secret_ciphertext from mfa_factors where id = ?::uuid", id);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(containsSubsequence(stored, Base32.decode(secret))).isFalse();
    }

    @Test
    void aVerifiedFactorIsListedAsVerified() {
        MfaClient.Factor factor = client.enrollVerified();

        client.user()
                .request()
                .get("/api/user/mfa")
                .then()
                .statusCode(200)
                .body("factors[0].id", equalTo(factor.id().toString()))
                .body("factors[0].status", equalTo("verified"))
                .body("factors[0].verifiedAt", equalTo(clock.instant().toString()))
                .body("factors[0].expiresAt", nullValue())
                .body("recoveryCodesRemaining", equalTo(10));
    }

    @Test
    void anExpiredPendingFactorIsNotListedAndIsRemovedAtTheNextEnrollment() {
        MfaClient.Factor stale = client.enroll();
        clock.advance(Duration.ofMinutes(10));

        client.user().request().get("/api/user/mfa").then().statusCode(200).body("factors.size()", equalTo(0));
        client.enroll();

        assertThat(MfaRows.value("select count(*) from mfa_factors where id = ?", stale.id()))
                .isEqualTo(0L);
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isEqualTo(1);
    }

    @Test
    void aUserCannotHoldMoreThanTenFactors() {
        for (int i = 0; i < 10; i++) {
            client.enroll();
        }

        assertProblem(
                client.user().request().contentType(ContentType.JSON).post("/api/user/mfa"), 409, "mfa_factor_limit");
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isEqualTo(10);
    }

    @Test
    void usersOnlySeeTheirOwnFactors() {
        client.enroll();
        MfaClient other = MfaClient.freshUser(clock);

        other.user().request().get("/api/user/mfa").then().statusCode(200).body("factors.size()", equalTo(0));
    }

    private static boolean containsSubsequence(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return true;
            }
        }
        return false;
    }
}
