package com.onyxos.stats.rest;

import com.onyxos.common.security.CurrentTenant;
import com.onyxos.stats.repository.AnalyticsWindow;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.TimeZones;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What a read of the earnings, audience and analytics APIs covers: the caller's agency, optionally one of its
 * creators (another agency's answers 404 like a missing one), a time zone PostgreSQL and Java both know, and a
 * half-open window. Parameters are checked before anything is read.
 */
@ApplicationScoped
public class Scopes {

    private final CurrentTenant tenant;
    private final CreatorQueries creators;
    private final TimeZones zones;
    private final Clock clock;

    public Scopes(CurrentTenant tenant, CreatorQueries creators, TimeZones zones, Clock clock) {
        this.tenant = tenant;
        this.creators = creators;
        this.zones = zones;
        this.clock = clock;
    }

    /** An analytics window; {@code defaultDays} when {@code from} is absent. */
    public Uni<AnalyticsWindow> window(String creatorId, String from, String to, String timezone, int defaultDays) {
        UUID creator = creatorId == null || creatorId.isBlank() ? null : Ids.creatorId(creatorId);
        String zoneName = Params.zoneName(timezone);
        return zone(zoneName).chain(zone -> {
            Instant[] window = Params.window(from, to, zone, clock.instant(), defaultDays);
            return agency(creator).map(agency -> new AnalyticsWindow(agency, creator, window[0], window[1], zone));
        });
    }

    /** The caller's agency, after checking that {@code creatorId} (when given) is one of its creators. */
    public Uni<UUID> agency(UUID creatorId) {
        return tenant.get()
                .chain(t -> creatorId == null
                        ? Uni.createFrom().item(t.agencyId())
                        : creators.ref(t.agencyId(), creatorId)
                                .onItem()
                                .ifNull()
                                .failWith(Ids::creatorNotFound)
                                .replaceWith(t.agencyId()));
    }

    /** A known IANA zone, or 400. */
    public Uni<ZoneId> zone(String name) {
        return zones.known(name).map(known -> {
            if (!known) {
                throw Params.unknownZone(name);
            }
            return ZoneId.of(name);
        });
    }
}
