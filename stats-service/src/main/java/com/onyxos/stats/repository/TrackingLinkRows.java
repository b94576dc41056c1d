package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A creator's tracking links: a complete listing updates the known links whose figures changed (a figure the answer
 * lacks keeps its stored value; a link that reports no earnings keeps its stored revenue; an unchanged link is not
 * written), adds new ones, marks the links no longer listed (their rows and figures stay) and records the listing's
 * freshness in {@code stats_listings}. Read agency-wide or per creator, by revenue.
 */
@ApplicationScoped
public class TrackingLinkRows {

    private static final String WRITE = "with incoming as (select * from unnest($3::uuid[], $4::text[], $5::text[],"
            + " $6::text[], $7::timestamptz[], $8::bigint[], $9::int[], $10::int[], $11::int[], $12::int[],"
            + " $13::bigint[], $14::bigint[]) as t(u, n, url, p, c, cl, aqs, aqf, ts, tf, rg, rn)),"
            + " merged as (select l.id, coalesce(i.n, l.name) as n, coalesce(i.url, l.link_url) as url,"
            + " coalesce(i.p, l.external_social_platform) as p, coalesce(i.c, l.link_created_at) as c,"
            + " coalesce(i.cl, l.clicks) as cl, coalesce(i.aqs, l.acquired_subscribers) as aqs,"
            + " coalesce(i.aqf, l.acquired_followers) as aqf, coalesce(i.ts, l.total_subscribers) as ts,"
            + " coalesce(i.tf, l.total_followers) as tf, coalesce(i.rg, l.total_revenue) as rg,"
            + " coalesce(i.rn, l.total_net_revenue) as rn from incoming i join tracking_links l"
            + " on l.model_id = $2 and l.fanvue_link_uuid = i.u"
            // Only a link whose figures changed (or that is listed again) is written.
            + " where (l.name, l.link_url, l.external_social_platform, l.link_created_at, l.clicks,"
            + " l.acquired_subscribers, l.acquired_followers, l.total_subscribers, l.total_followers,"
            + " l.total_revenue, l.total_net_revenue, l.not_listed_since) is distinct from (coalesce(i.n, l.name),"
            + " coalesce(i.url, l.link_url), coalesce(i.p, l.external_social_platform),"
            + " coalesce(i.c, l.link_created_at), coalesce(i.cl, l.clicks),"
            + " coalesce(i.aqs, l.acquired_subscribers), coalesce(i.aqf, l.acquired_followers),"
            + " coalesce(i.ts, l.total_subscribers), coalesce(i.tf, l.total_followers),"
            + " coalesce(i.rg, l.total_revenue), coalesce(i.rn, l.total_net_revenue), null::timestamptz)),"
            + " updated as (update tracking_links l set name = m.n, link_url = m.url, external_social_platform = m.p,"
            + " link_created_at = m.c, clicks = m.cl, acquired_subscribers = m.aqs, acquired_followers = m.aqf,"
            + " total_subscribers = m.ts, total_followers = m.tf, total_revenue = m.rg, total_net_revenue = m.rn,"
            + " refreshed_at = $15, not_listed_since = null, updated_at = now() from merged m where l.id = m.id"
            + " returning 1),"
            + " inserted as (insert into tracking_links (agency_id, model_id, fanvue_link_uuid, name, link_url,"
            + " external_social_platform, link_created_at, clicks, acquired_subscribers, acquired_followers,"
            + " total_subscribers, total_followers, total_revenue, total_net_revenue, refreshed_at)"
            + " select $1, $2, i.u, i.n, i.url, i.p, i.c, coalesce(i.cl, 0), coalesce(i.aqs, 0), coalesce(i.aqf, 0),"
            + " coalesce(i.ts, 0), coalesce(i.tf, 0), coalesce(i.rg, 0), coalesce(i.rn, 0), $15 from incoming i"
            + " where not exists (select 1 from tracking_links l where l.model_id = $2 and l.fanvue_link_uuid = i.u)"
            + " on conflict (model_id, fanvue_link_uuid) do nothing returning 1),"
            // A link no longer listed keeps its row; it was last listed by the previous complete listing.
            + " unlisted as (update tracking_links set not_listed_since = $15, updated_at = now(),"
            + " refreshed_at = coalesce((select listed_at from stats_listings where model_id = $2"
            + " and listing = 'trackingLinks'), refreshed_at) where model_id = $2 and not_listed_since is null"
            + " and not (fanvue_link_uuid = any($3)) returning 1),"
            + " listed as (insert into stats_listings (model_id, agency_id, listing, listed_at)"
            + " values ($2, $1, 'trackingLinks', $15) on conflict (model_id, listing) do update"
            + " set listed_at = excluded.listed_at)"
            + " select (select count(*) from updated) as updated, (select count(*) from inserted) as inserted,"
            + " (select count(*) from unlisted) as unlisted";

    /** Stored links; a listed one was last listed by its creator's last complete listing. */
    private static final String SELECT = "select l.model_id, m.handle, l.fanvue_link_uuid, l.name, l.link_url,"
            + " l.external_social_platform, l.link_created_at, l.clicks, l.acquired_subscribers,"
            + " l.acquired_followers, l.total_subscribers, l.total_followers, l.total_revenue, l.total_net_revenue,"
            + " case when l.not_listed_since is null then coalesce(ls.listed_at, l.refreshed_at)"
            + " else l.refreshed_at end as refreshed_at, l.not_listed_since from tracking_links l"
            + " join models m on m.id = l.model_id left join stats_listings ls on ls.model_id = l.model_id"
            + " and ls.listing = 'trackingLinks' where l.agency_id = $1";

    private final Pool pool;

    public TrackingLinkRows(Pool pool) {
        this.pool = pool;
    }

    /** Writes a complete listing of the creator's links; answers what changed. */
    public Uni<LinksWritten> write(UUID agencyId, UUID modelId, List<LinkRow> links, Instant now) {
        Tuple params = Tuple.tuple()
                .addValue(agencyId)
                .addValue(modelId)
                .addValue(links.stream().map(LinkRow::uuid).toArray(UUID[]::new))
                .addValue(links.stream().map(LinkRow::name).toArray(String[]::new))
                .addValue(links.stream().map(LinkRow::url).toArray(String[]::new))
                .addValue(links.stream().map(LinkRow::platform).toArray(String[]::new))
                .addValue(links.stream().map(l -> SqlTimes.utc(l.createdAt())).toArray(OffsetDateTime[]::new))
                .addValue(links.stream().map(LinkRow::clicks).toArray(Long[]::new))
                .addValue(links.stream().map(LinkRow::acquiredSubscribers).toArray(Integer[]::new))
                .addValue(links.stream().map(LinkRow::acquiredFollowers).toArray(Integer[]::new))
                .addValue(links.stream().map(LinkRow::totalSubscribers).toArray(Integer[]::new))
                .addValue(links.stream().map(LinkRow::totalFollowers).toArray(Integer[]::new))
                .addValue(links.stream().map(LinkRow::revenueGross).toArray(Long[]::new))
                .addValue(links.stream().map(LinkRow::revenueNet).toArray(Long[]::new))
                .addValue(SqlTimes.utc(now));
        return pool.preparedQuery(WRITE).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            return new LinksWritten(
                    row.getLong("updated").intValue(),
                    row.getLong("inserted").intValue(),
                    row.getLong("unlisted").intValue());
        });
    }

    /** How many of the creator's links are listed. */
    public Uni<Integer> listed(UUID modelId) {
        return pool.preparedQuery(
                        "select count(*)::int from tracking_links where model_id = $1 and not_listed_since is null")
                .execute(Tuple.of(modelId))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The agency's links (or one creator's), by gross revenue, highest first. */
    public Uni<List<StoredLink>> byRevenue(UUID agencyId, UUID creatorId, int limit) {
        Tuple params = Tuple.of(agencyId);
        String creator = "";
        if (creatorId != null) {
            params.addValue(creatorId);
            creator = " and l.model_id = $2";
        }
        params.addValue(limit);
        return pool.preparedQuery(
                        SELECT + creator + " order by l.total_revenue desc, l.fanvue_link_uuid limit $" + params.size())
                .execute(params)
                .map(rows -> {
                    List<StoredLink> links = new ArrayList<>();
                    for (Row row : rows) {
                        links.add(new StoredLink(
                                row.getUUID("model_id"),
                                row.getString("handle"),
                                row.getUUID("fanvue_link_uuid"),
                                row.getString("name"),
                                row.getString("link_url"),
                                row.getString("external_social_platform"),
                                SqlTimes.instant(row.getValue("link_created_at")),
                                row.getLong("clicks"),
                                row.getInteger("acquired_subscribers"),
                                row.getInteger("acquired_followers"),
                                row.getInteger("total_subscribers"),
                                row.getInteger("total_followers"),
                                row.getLong("total_revenue"),
                                row.getLong("total_net_revenue"),
                                SqlTimes.instant(row.getValue("refreshed_at")),
                                SqlTimes.instant(row.getValue("not_listed_since"))));
                    }
                    return links;
                });
    }

    /**
     * What a listing write did.
     *
     * @param updated known links whose figures changed (or listed again)
     * @param inserted new links
     * @param unlisted links newly marked as no longer listed
     */
    public record LinksWritten(int updated, int inserted, int unlisted) {}

    /**
     * A stored link.
     *
     * @param creatorId the creator
     * @param creatorHandle its handle
     * @param uuid Fanvue's link
     * @param name name
     * @param url URL
     * @param platform social platform
     * @param createdAt created
     * @param clicks clicks
     * @param acquiredSubscribers subscribers it brought
     * @param acquiredFollowers followers it brought
     * @param totalSubscribers total subscribers
     * @param totalFollowers total followers
     * @param revenueGross attributed gross
     * @param revenueNet attributed net
     * @param refreshedAt last listed
     * @param notListedSince since when Fanvue no longer lists it, null while listed
     */
    public record StoredLink(
            UUID creatorId,
            String creatorHandle,
            UUID uuid,
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
            Instant refreshedAt,
            Instant notListedSince) {}
}
