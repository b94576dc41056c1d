package com.onyxos.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens that OIDC verified (signature, issuer, expiry), keyed by the SHA-256 of the whole
 * token, so a client's next requests with the same token skip the RS256 check and the claims parsing (a third of a
 * cached read's CPU). An entry lives until the token's {@code exp} (and at most {@code max-age}); a hit after
 * {@code exp} is refused and dropped. Only identities OIDC built from a token are recorded
 * ({@link VerifiedTokenRecorder}); any other token — a changed byte, an expired or foreign one — misses and goes
 * through OIDC's full check ({@link CachedTokenIdentityProvider}). One OIDC tenant per service: the key does not
 * name one.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Identity attribute marking an identity served from this cache (so it is not recorded again). */
    static final String FROM_CACHE = "onyx.verified-token-cache";

    // Per-request attributes OIDC puts on an identity: never kept, set anew from the request on every hit.
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final boolean enabled;
    private final Duration maxAge;
    private final Cache<String, Verified> entries;
    private final Counter hits;
    private final Counter misses;
    private final Counter expired;

    public VerifiedTokens(TokenCacheConfig config, MeterRegistry registry) {
        this.enabled = config.enabled();
        this.maxAge = config.maxAge();
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(new UntilExpiry())
                .build();
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
        this.expired = lookups(registry, "expired");
    }

    // onyx_security_token_cache_total{result="hit|miss|expired"}
    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("onyx.security.token.cache")
                .description("Bearer tokens looked up among those already verified: hit, miss, or expired since")
                .tag("result", result)
                .register(registry);
    }

    /** The identity verified earlier for {@code token}, for the request of {@code context}; null when none. */
    SecurityIdentity find(String token, RoutingContext context) {
        if (!enabled) {
            return null;
        }
        String key = digest(token);
        Verified verified = entries.getIfPresent(key);
        if (verified == null) {
            misses.increment();
            return null;
        }
        if (!Instant.now().isBefore(verified.expiresAt())) {
            entries.invalidate(key);
            expired.increment();
            return null;
        }
        hits.increment();
        return QuarkusSecurityIdentity.builder(verified.identity())
                .addAttribute(ROUTING_CONTEXT, context)
                .addAttribute(REQUEST_CONTEXT, context == null ? null : context.get(REQUEST_CONTEXT))
                .build();
    }

    /** Keeps {@code identity} when OIDC built it from a bearer JWT that has not expired yet. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null
                || credential.isOpaque()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !credential.getToken().equals(jwt.getRawToken())
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        Instant now = Instant.now();
        if (!now.isBefore(expiresAt)) {
            return;
        }
        Instant until = expiresAt.isBefore(now.plus(maxAge)) ? expiresAt : now.plus(maxAge);
        SecurityIdentity kept = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ROUTING_CONTEXT, null)
                .addAttribute(REQUEST_CONTEXT, null)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .build();
        entries.put(digest(credential.getToken()), new Verified(kept, until));
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A verified identity and the instant it stops being accepted. */
    private record Verified(SecurityIdentity identity, Instant expiresAt) {}

    /** Entries expire at their token's expiry (bounded by max-age), whatever the access pattern. */
    private static final class UntilExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String key, Verified value, long currentTime) {
            return Math.max(
                    0, Duration.between(Instant.now(), value.expiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
