package com.onyxos.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Body of {@code POST /api/user/mfa/verify}.
 *
 * @param factorId the factor the code comes from
 * @param code the six digits the authenticator app shows
 */
public record VerifyRequest(
        @NotNull UUID factorId,
        @NotNull @Pattern(regexp = "[0-9]{6}") String code) {

    @Override
    public String toString() {
        return "VerifyRequest[factorId=" + factorId + "]";
    }
}
