package com.onyxos.simulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codes, grants and tokens. Refresh tokens rotate and are single use: presenting a used one revokes its whole grant.
 * Tokens are opaque random strings. Used under the state lock.
 */
public final class TokenStore {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Duration accessTtl;
    private final Duration codeTtl;
    private final Map<String, AuthCode> codes = new HashMap<>();
    private final Map<String, Grant> grantsByUsedCode = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private int grantSeq;
    private long refreshGrants;
    private long revokedGrants;

    public TokenStore(Duration accessTtl, Duration codeTtl) {
        this.accessTtl = accessTtl;
        this.codeTtl = codeTtl;
    }

    public String newCode(String clientId, String redirectUri, String userUuid, List<String> scopes, String challenge) {
        String code = opaque(24);
        long expires = System.currentTimeMillis() + codeTtl.toMillis();
        codes.put(code, new AuthCode(clientId, redirectUri, userUuid, scopes, challenge, expires));
        return code;
    }

    /** The authorization_code grant. A code presented twice also revokes what its first use issued (RFC 6749 §4.1.2). */
    public IssuedTokens exchange(String clientId, String code, String redirectUri, String verifier) {
        if (verifier == null || !Pkce.wellFormedVerifier(verifier)) {
            throw new OAuthError(
                    "invalid_request", "code_verifier missing or malformed (43-128 unreserved characters)");
        }
        AuthCode auth = code == null ? null : codes.remove(code);
        if (auth == null) {
            Grant earlier = code == null ? null : grantsByUsedCode.get(code);
            if (earlier != null && !earlier.revoked()) {
                revoke(earlier);
            }
            throw new OAuthError("invalid_grant", "authorization code unknown, expired or already used");
        }
        if (System.currentTimeMillis() >= auth.expiresAtMillis()) {
            throw new OAuthError("invalid_grant", "authorization code expired");
        }
        if (!auth.clientId().equals(clientId) || !auth.redirectUri().equals(redirectUri)) {
            throw new OAuthError("invalid_grant", "authorization code was issued to another client or redirect_uri");
        }
        if (!Pkce.s256(verifier).equals(auth.codeChallenge())) {
            throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge");
        }
        Grant grant = new Grant("g" + ++grantSeq, clientId, auth.userUuid(), auth.scopes());
        grantsByUsedCode.put(code, grant);
        return new IssuedTokens(grant.userUuid(), issue(grant, accessTtl));
    }

    /** The refresh_token grant: rotates; a reused refresh token revokes the grant. */
    public IssuedTokens refresh(String clientId, String token) {
        RefreshToken refresh = token == null ? null : refreshTokens.get(token);
        if (refresh == null || !refresh.grant().clientId().equals(clientId)) {
            throw new OAuthError("invalid_grant", "unknown refresh token");
        }
        if (refresh.grant().revoked()) {
            throw new OAuthError("invalid_grant", "the grant of this refresh token was revoked");
        }
        if (refresh.used()) {
            revoke(refresh.grant());
            throw new OAuthError("invalid_grant", "refresh token reused: the grant is revoked");
        }
        refresh.markUsed();
        refreshGrants++;
        return new IssuedTokens(refresh.grant().userUuid(), issue(refresh.grant(), accessTtl));
    }

    /** Tokens for tests, without the browser dance. */
    public TokenResponse issueDirect(String clientId, String userUuid, List<String> scopes, Duration ttl) {
        return issue(new Grant("g" + ++grantSeq, clientId, userUuid, scopes), ttl);
    }

    /** Null when the token is unknown; check {@link AccessToken#expired} and the grant's revocation. */
    public AccessToken accessToken(String value) {
        return value == null ? null : accessTokens.get(value);
    }

    /** Forces every access token (of one user, or all when null) to be expired now. */
    public int expire(String userUuid) {
        int count = 0;
        for (AccessToken token : accessTokens.values()) {
            if (userUuid == null || token.grant().userUuid().equals(userUuid)) {
                token.expireNow();
                count++;
            }
        }
        return count;
    }

    public long refreshGrants() {
        return refreshGrants;
    }

    public long revokedGrants() {
        return revokedGrants;
    }

    private void revoke(Grant grant) {
        grant.revoke();
        revokedGrants++;
    }

    private TokenResponse issue(Grant grant, Duration ttl) {
        String access = opaque(32);
        accessTokens.put(access, new AccessToken(access, grant, System.currentTimeMillis() + ttl.toMillis()));
        String refresh = null;
        if (grant.offline()) {
            refresh = opaque(32);
            refreshTokens.put(refresh, new RefreshToken(grant));
        }
        String idToken = grant.scopes().contains("openid") ? idToken(grant, ttl) : null;
        return new TokenResponse(access, refresh, ttl.toSeconds(), "Bearer", String.join(" ", grant.scopes()), idToken);
    }

    /** An unsigned JWT with the subject: enough for a client that only reads {@code sub}. */
    private static String idToken(Grant grant, Duration ttl) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = String.format(
                "{\"iss\":\"fanvue-simulator\",\"sub\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d}",
                grant.userUuid(), grant.clientId(), now, now + ttl.toSeconds());
        return URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private String opaque(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return URL.encodeToString(buffer);
    }

    private static final class RefreshToken {
        private final Grant grant;
        private boolean used;

        RefreshToken(Grant grant) {
            this.grant = grant;
        }

        Grant grant() {
            return grant;
        }

        boolean used() {
            return used;
        }

        void markUsed() {
            used = true;
        }
    }
}
