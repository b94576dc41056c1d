package com.onyxos.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/user/mfa/recovery}.
 *
 * @param code a recovery code as shown ({@code xxxx-xxxx-xxxx}); case, spaces and dashes between groups do not matter
 */
public record RecoveryRequest(
        @NotNull @Pattern(regexp = "\\s*[A-Za-z2-7]{4}[\\s-]?[A-Za-z2-7]{4}[\\s-]?[A-Za-z2-7]{4}\\s*")
        String code) {

    @Override
    public String toString() {
        return "RecoveryRequest[]";
    }
}
