package com.onyxos.auth.testing;

import com.onyxos.auth.mfa.Base32;
import com.onyxos.auth.mfa.TotpGenerator;
import com.onyxos.common.testing.TestUser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Drives the MFA API in tests as one user: enroll, compute codes from the secret, verify, step up. */
public final class MfaClient {

    private final TestUser user;
    private final MutableClock clock;

    public MfaClient(TestUser user, MutableClock clock) {
        this.user = user;
        this.clock = clock;
    }

    /** A client for a fresh user no other test knows. */
    public static MfaClient freshUser(MutableClock clock) {
        return new MfaClient(new TestUser("test|mfa-" + UUID.randomUUID(), Set.of()), clock);
    }

    public TestUser user() {
        return user;
    }

    /** Enrolls a factor and answers its id and raw secret. */
    public Factor enroll() {
        Response response = user.request()
                .contentType(ContentType.JSON)
                .body("{\"friendlyName\":\"Phone\"}")
                .post("/api/user/mfa");
        response.then().statusCode(201);
        return new Factor(UUID.fromString(response.path("factorId")), Base32.decode(response.path("secret")));
    }

    /** Enrolls and verifies a factor; answers it with the recovery codes the verification returned. */
    public Factor enrollVerified() {
        Factor factor = enroll();
        Response response = verify(factor.id(), code(factor, Duration.ZERO));
        response.then().statusCode(200);
        return factor.withRecoveryCodes(response.path("recoveryCodes"));
    }

    /** The factor's code at the clock's time moved by {@code offset}. */
    public String code(Factor factor, Duration offset) {
        return TotpGenerator.STANDARD.totp(factor.secret(), clock.instant().plus(offset));
    }

    /** A well-formed code that is not the factor's code anywhere in the drift window. */
    public String wrongCode(Factor factor) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean matches = false;
            for (int step = -1; step <= 1; step++) {
                matches |= code.equals(code(factor, Duration.ofSeconds(30L * step)));
            }
            if (!matches) {
                return code;
            }
        }
    }

    public Response verify(UUID factorId, String code) {
        return verify(factorId, code, Map.of());
    }

    /** Verifies with a token carrying extra claims (e.g. another {@code sid}). */
    public Response verify(UUID factorId, String code, Map<String, Object> claims) {
        return user.request(claims)
                .contentType(ContentType.JSON)
                .body(Map.of("factorId", factorId.toString(), "code", code))
                .post("/api/user/mfa/verify");
    }

    public Response redeem(String recoveryCode) {
        return user.request()
                .contentType(ContentType.JSON)
                .body(Map.of("code", recoveryCode))
                .post("/api/user/mfa/recovery");
    }

    public Response delete(UUID factorId) {
        return user.request().delete("/api/user/mfa/" + factorId);
    }

    /** Pins the clock 10 s into a time step, so ±1 step offsets stay clear of step boundaries. */
    public static Instant midStep(Instant around) {
        long step = around.getEpochSecond() / 30;
        return Instant.ofEpochSecond(step * 30 + 10);
    }

    /**
     * A factor as the test knows it.
     *
     * @param id factor id
     * @param secret raw secret from the enrollment response
     * @param recoveryCodes codes returned when it was verified as the first factor, else empty
     */
    public record Factor(UUID id, byte[] secret, List<String> recoveryCodes) {

        Factor(UUID id, byte[] secret) {
            this(id, secret, List.of());
        }

        Factor withRecoveryCodes(List<String> codes) {
            return new Factor(id, secret, codes == null ? List.of() : codes);
        }
    }
}
