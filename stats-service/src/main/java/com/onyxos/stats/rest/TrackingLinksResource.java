package com.onyxos.stats.rest;

import com.onyxos.stats.repository.TrackingLinkRows;
import com.onyxos.stats.repository.TrackingLinkRows.StoredLink;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tracking links by revenue, with revenue per acquired subscriber and conversion (subscribers ÷ clicks). */
@Path("/api/tracking-links")
@Authenticated
@Tag(name = "tracking links")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingLinksResource {

    private final Scopes scopes;
    private final TrackingLinkRows links;

    public TrackingLinksResource(Scopes scopes, TrackingLinkRows links) {
        this.scopes = scopes;
        this.links = links;
    }

    @GET
    @Operation(summary = "The agency's (or one creator's) tracking links, highest revenue first")
    public Uni<Links> list(@QueryParam("creatorId") String creatorId, @QueryParam("limit") String limit) {
        UUID creator = creatorId == null || creatorId.isBlank() ? null : Ids.creatorId(creatorId);
        int rows = Params.limit(limit, 100, 1000);
        return scopes.agency(creator)
                .chain(agency -> links.byRevenue(agency, creator, rows))
                .map(list -> new Links(list.stream().map(Link::of).toList()));
    }

    /** @param items highest gross revenue first */
    public record Links(List<Link> items) {}

    /**
     * @param creatorId the creator
     * @param creatorHandle its handle
     * @param linkUuid Fanvue's link
     * @param name name
     * @param url URL
     * @param platform social platform
     * @param createdAt created
     * @param clicks clicks
     * @param acquiredSubscribers subscribers it brought
     * @param acquiredFollowers followers it brought
     * @param totalSubscribers subscribers, total
     * @param totalFollowers followers, total
     * @param revenueGross attributed earnings, gross (minor units)
     * @param revenueNet net
     * @param grossPerAcquiredSubscriber gross ÷ acquired subscribers (rounded; null when none)
     * @param netPerAcquiredSubscriber net ÷ acquired subscribers
     * @param conversion acquired subscribers ÷ clicks (null when no clicks)
     * @param listed false once Fanvue no longer lists it (its figures stay)
     * @param refreshedAt last listed
     */
    public record Link(
            UUID creatorId,
            String creatorHandle,
            UUID linkUuid,
            String name,
            String url,
            String platform,
            Instant createdAt,
            long clicks,
            int acquiredSubscribers,
            int acquiredFollowers,
            int totalSubscribers,
            int totalFollowers,
            long revenueGross,
            long revenueNet,
            Long grossPerAcquiredSubscriber,
            Long netPerAcquiredSubscriber,
            Double conversion,
            boolean listed,
            Instant refreshedAt) {

        static Link of(StoredLink l) {
            return new Link(
                    l.creatorId(),
                    l.creatorHandle(),
                    l.uuid(),
                    l.name(),
                    l.url(),
                    l.platform(),
                    l.createdAt(),
                    l.clicks(),
                    l.acquiredSubscribers(),
                    l.acquiredFollowers(),
                    l.totalSubscribers(),
                    l.totalFollowers(),
                    l.revenueGross(),
                    l.revenueNet(),
                    l.acquiredSubscribers() == 0
                            ? null
                            : Math.round((double) l.revenueGross() / l.acquiredSubscribers()),
                    l.acquiredSubscribers() == 0 ? null : Math.round((double) l.revenueNet() / l.acquiredSubscribers()),
                    l.clicks() == 0
                            ? null
                            : Math.round(l.acquiredSubscribers() * 1_000_000.0 / l.clicks()) / 1_000_000.0,
                    l.notListedSince() == null,
                    l.refreshedAt());
        }
    }
}
