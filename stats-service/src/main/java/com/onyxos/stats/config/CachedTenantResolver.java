package com.onyxos.stats.config;

import com.onyxos.common.security.Tenant;
import com.onyxos.common.security.TenantResolver;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Common's tenant resolution with the caller's membership kept for a few seconds ({@code tenant-memberships}, see
 * application.properties): the dashboard polls every creator's figures, and a database round trip per read cost
 * more CPU than the read itself. A membership removed or a role changed takes effect here within that time.
 * Failures (no membership, unknown agency) are not cached. A singleton: the subclass of a bean with no no-args
 * constructor cannot be proxied. Off with {@code onyx.stats.cache-memberships=false}
 * (the tests, which create the same users' memberships anew for every test).
 */
@Alternative
@Priority(1)
@Singleton
@IfBuildProperty(name = "onyx.stats.cache-memberships", stringValue = "true", enableIfMissing = true)
public class CachedTenantResolver extends TenantResolver {

    private final Cache memberships;

    public CachedTenantResolver(Pool pool, @CacheName("tenant-memberships") Cache memberships) {
        super(pool);
        this.memberships = memberships;
    }

    // The token's provider-checked second factor is part of the key, since it decides an agency's two-factor policy.
    @Override
    public Uni<Tenant> resolve(String subject, String requested, boolean providerVerifiedSecondFactor) {
        String key = subject + "\n" + (requested == null ? "" : requested.trim()) + "\n" + providerVerifiedSecondFactor;
        return memberships.getAsync(key, ignored -> super.resolve(subject, requested, providerVerifiedSecondFactor));
    }
}
