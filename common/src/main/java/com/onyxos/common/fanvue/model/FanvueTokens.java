package com.onyxos.common.fanvue.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The token endpoint's answer. {@code refreshToken} is null when Fanvue sent none (no {@code offline_access}, or a
 * refresh that did not rotate): the caller then keeps the one it has. {@link #toString()} never prints a token.
 */
public record FanvueTokens(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("scope") String scope,
        @JsonProperty("id_token") String idToken) {

    @Override
    public String toString() {
        return "FanvueTokens[expiresIn=" + expiresIn + ", scope=" + scope + ", refreshToken="
                + (refreshToken == null ? "absent" : "present") + "]";
    }
}
