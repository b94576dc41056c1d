package com.onyxos.common.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their bearer token: the OIDC subject, the provider's session (claim {@code sid}; without it
 * the token itself, claim {@code jti}, is the session) and how the provider authenticated them (claim
 * {@code amr}).
 *
 * @param subject the OIDC subject
 * @param sessionId the session step-up verifications belong to
 * @param authMethods the provider's authentication methods references
 */
public record Caller(String subject, String sessionId, Set<String> authMethods) {

    /** Methods that mean the provider already checked a second factor (RFC 8176). */
    private static final Set<String> SECOND_FACTORS = Set.of("mfa", "otp", "hwk", "swk", "sms", "fido");

    /** The caller of {@code token}. */
    public static Caller of(JsonWebToken token) {
        String session = token.getClaim("sid");
        if (session == null || session.isBlank()) {
            String jti = token.getTokenID();
            session = "jti:" + (jti == null ? token.getIssuedAtTime() : jti);
        }
        Set<String> amr = Set.of();
        Object claim = token.getClaim("amr");
        if (claim instanceof java.util.Collection<?> values) {
            amr = values.stream()
                    .map(value -> value.toString().replace("\"", ""))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        return new Caller(token.getSubject(), session, amr);
    }

    /** Whether the identity provider itself verified a second factor for this token. */
    public boolean providerVerifiedSecondFactor() {
        return authMethods.stream().anyMatch(SECOND_FACTORS::contains);
    }
}
