package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Top spenders per creator and window ({@code all_time}, {@code 30d}): a complete listing replaces the stored one in
 * one statement, writing only the fans whose figures changed (fans no longer in it are removed only then) and
 * recording the listing's freshness in {@code stats_listings}, each fan with what our synced earnings say about the
 * same fan and window (the cross-check). Reads per creator and agency-wide (a fan's spend summed over the agency's
 * creators).
 */
@ApplicationScoped
public class TopSpenderRows {

    private static final String REPLACE = "with incoming as (select * from unnest($3::uuid[], $4::text[], $5::text[],"
            + " $6::bigint[], $7::bigint[], $8::int[], $9::int[]) as t(f, h, dn, g, n, msg, rk)),"
            + " synced as (select fan_id, sum(gross_amount)::bigint as g, sum(net_amount)::bigint as n"
            + " from fanvue_transactions where model_id = $2 and fan_id = any($3)"
            + " and ($10::timestamptz is null or transaction_date >= $10) group by fan_id),"
            + " upserted as (insert into top_spenders (agency_id, model_id, period, fan_uuid, fan_handle,"
            + " fan_display_name, gross_amount, net_amount, messages_count, rank, synced_gross, synced_net,"
            + " window_start, refreshed_at) select $1, $2, $11, i.f, i.h, i.dn, i.g, i.n, i.msg, i.rk,"
            + " coalesce(s.g, 0), coalesce(s.n, 0), $10, $12 from incoming i left join synced s on s.fan_id = i.f"
            + " on conflict (model_id, period, fan_uuid) do update set fan_handle = excluded.fan_handle,"
            + " fan_display_name = excluded.fan_display_name, gross_amount = excluded.gross_amount,"
            + " net_amount = excluded.net_amount, messages_count = excluded.messages_count, rank = excluded.rank,"
            + " synced_gross = excluded.synced_gross, synced_net = excluded.synced_net,"
            + " window_start = excluded.window_start, refreshed_at = excluded.refreshed_at"
            // Only a fan whose figures changed is written: an unchanged listing writes no spender row.
            + " where (top_spenders.fan_handle, top_spenders.fan_display_name, top_spenders.gross_amount,"
            + " top_spenders.net_amount, top_spenders.messages_count, top_spenders.rank, top_spenders.synced_gross,"
            + " top_spenders.synced_net) is distinct from (excluded.fan_handle, excluded.fan_display_name,"
            + " excluded.gross_amount, excluded.net_amount, excluded.messages_count, excluded.rank,"
            + " excluded.synced_gross, excluded.synced_net) returning 1),"
            + " removed as (delete from top_spenders where model_id = $2 and period = $11"
            + " and not (fan_uuid = any($3)) returning 1),"
            + " listed as (insert into stats_listings (model_id, agency_id, listing, window_start, listed_at)"
            + " values ($2, $1, 'topSpenders.' || $11, $10, $12) on conflict (model_id, listing) do update"
            + " set window_start = excluded.window_start, listed_at = excluded.listed_at)"
            + " select (select count(*) from upserted) as written, (select count(*) from removed) as removed";

    /** A fan's listing: its freshness and window. */
    private static final String LISTING =
            " left join stats_listings ls on ls.model_id = s.model_id" + " and ls.listing = 'topSpenders.' || s.period";

    /** Stored fans with their listing's freshness (the rows themselves change only when a figure does). */
    private static final String SELECT = "select s.model_id, m.handle as creator_handle, s.fan_uuid, s.fan_handle,"
            + " s.fan_display_name, s.gross_amount, s.net_amount, s.messages_count, s.rank, s.synced_gross,"
            + " s.synced_net, coalesce(ls.window_start, s.window_start) as window_start,"
            + " coalesce(ls.listed_at, s.refreshed_at) as refreshed_at from top_spenders s"
            + " join models m on m.id = s.model_id" + LISTING;

    private final Pool pool;

    public TopSpenderRows(Pool pool) {
        this.pool = pool;
    }

    /**
     * Replaces the creator's listing of {@code period} by {@code listing} (a complete, successful answer); answers
     * the rows written (new or changed fans; an unchanged one is not touched) and removed.
     *
     * @param windowStart the start of the window Fanvue was asked for, null for all time
     */
    public Uni<Replaced> replace(
            UUID agencyId, UUID modelId, String period, Instant windowStart, List<SpenderRow> listing, Instant now) {
        Tuple params = Tuple.tuple()
                .addValue(agencyId)
                .addValue(modelId)
                .addValue(listing.stream().map(SpenderRow::fanUuid).toArray(UUID[]::new))
                .addValue(listing.stream().map(SpenderRow::handle).toArray(String[]::new))
                .addValue(listing.stream().map(SpenderRow::displayName).toArray(String[]::new))
                .addValue(listing.stream().map(SpenderRow::gross).toArray(Long[]::new))
                .addValue(listing.stream().map(SpenderRow::net).toArray(Long[]::new))
                .addValue(listing.stream()
                        .map(r -> r.messages() == null ? null : (int) Math.min(Integer.MAX_VALUE, r.messages()))
                        .toArray(Integer[]::new))
                .addValue(listing.stream().map(SpenderRow::rank).toArray(Integer[]::new))
                .addValue(SqlTimes.utc(windowStart))
                .addValue(period)
                .addValue(SqlTimes.utc(now));
        return pool.preparedQuery(REPLACE).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            return new Replaced(
                    row.getLong("written").intValue(), row.getLong("removed").intValue());
        });
    }

    /** How many fans the creator's stored listing of {@code period} holds. */
    public Uni<Integer> stored(UUID modelId, String period) {
        return pool.preparedQuery("select count(*)::int from top_spenders where model_id = $1 and period = $2")
                .execute(Tuple.of(modelId, period))
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Whether synced earnings show a sale with a known fan since {@code since} (null: ever). */
    public Uni<Boolean> syncedSpendSince(UUID modelId, Instant since) {
        return pool.preparedQuery("select exists (select 1 from fanvue_transactions where model_id = $1"
                        + " and fan_id is not null and entry_kind = 'sale' and gross_amount > 0"
                        + " and ($2::timestamptz is null or transaction_date >= $2))")
                .execute(Tuple.of(modelId, SqlTimes.utc(since)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The creator's listing of {@code period}, by rank. */
    public Uni<List<StoredSpender>> ofCreator(UUID agencyId, UUID creatorId, String period, int limit) {
        return pool.preparedQuery(SELECT + " where s.agency_id = $1 and s.model_id = $2 and s.period = $3"
                        + " order by s.rank nulls last, s.gross_amount desc, s.fan_uuid limit $4")
                .execute(Tuple.of(agencyId, creatorId, period, limit))
                .map(TopSpenderRows::stored);
    }

    /** The agency's top fans of {@code period}: spend summed over the agency's creators, highest first. */
    public Uni<List<AgencySpender>> ofAgency(UUID agencyId, String period, int limit) {
        return pool.preparedQuery("select fan_uuid, max(fan_handle) as fan_handle,"
                        + " max(fan_display_name) as fan_display_name, sum(gross_amount)::bigint as gross,"
                        + " sum(net_amount)::bigint as net, sum(messages_count)::bigint as messages,"
                        + " count(*) filter (where messages_count is null)::int as unknown_messages,"
                        + " sum(synced_gross)::bigint as synced_gross, sum(synced_net)::bigint as synced_net,"
                        + " count(*)::int as creators, max(coalesce(ls.listed_at, s.refreshed_at)) as refreshed_at"
                        + " from top_spenders s" + LISTING
                        + " where s.agency_id = $1 and s.period = $2 group by fan_uuid"
                        + " order by gross desc, fan_uuid limit $3")
                .execute(Tuple.of(agencyId, period, limit))
                .map(rows -> {
                    List<AgencySpender> spenders = new ArrayList<>();
                    for (Row row : rows) {
                        spenders.add(new AgencySpender(
                                row.getUUID("fan_uuid"),
                                row.getString("fan_handle"),
                                row.getString("fan_display_name"),
                                row.getLong("gross"),
                                row.getLong("net"),
                                row.getInteger("unknown_messages") > 0 ? null : row.getLong("messages"),
                                row.getLong("synced_gross"),
                                row.getLong("synced_net"),
                                row.getInteger("creators"),
                                SqlTimes.instant(row.getValue("refreshed_at"))));
                    }
                    return spenders;
                });
    }

    private static List<StoredSpender> stored(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<StoredSpender> spenders = new ArrayList<>();
        for (Row row : rows) {
            Integer messages = row.getInteger("messages_count");
            spenders.add(new StoredSpender(
                    row.getUUID("model_id"),
                    row.getString("creator_handle"),
                    row.getUUID("fan_uuid"),
                    row.getString("fan_handle"),
                    row.getString("fan_display_name"),
                    row.getLong("gross_amount"),
                    row.getLong("net_amount"),
                    messages == null ? null : messages.longValue(),
                    row.getInteger("rank"),
                    row.getLong("synced_gross"),
                    row.getLong("synced_net"),
                    SqlTimes.instant(row.getValue("window_start")),
                    SqlTimes.instant(row.getValue("refreshed_at"))));
        }
        return spenders;
    }

    /**
     * What a replace did.
     *
     * @param written fans written (new or changed)
     * @param removed fans no longer listed, removed
     */
    public record Replaced(int written, int removed) {}

    /**
     * A stored fan of one creator's listing.
     *
     * @param creatorId the creator
     * @param creatorHandle its handle
     * @param fanUuid the fan
     * @param fanHandle the fan's handle
     * @param fanDisplayName the fan's display name
     * @param gross Fanvue's figure, gross
     * @param net Fanvue's figure, net
     * @param messages messages bought, null when Fanvue did not say
     * @param rank Fanvue's rank
     * @param syncedGross the fan's synced earnings in the window, gross
     * @param syncedNet net
     * @param windowStart the window's start, null for all time
     * @param refreshedAt when Fanvue's listing last said so (its last complete answer)
     */
    public record StoredSpender(
            UUID creatorId,
            String creatorHandle,
            UUID fanUuid,
            String fanHandle,
            String fanDisplayName,
            long gross,
            long net,
            Long messages,
            Integer rank,
            Long syncedGross,
            Long syncedNet,
            Instant windowStart,
            Instant refreshedAt) {}

    /**
     * A fan's spend over the agency's creators.
     *
     * @param fanUuid the fan
     * @param fanHandle handle
     * @param fanDisplayName display name
     * @param gross summed Fanvue figures, gross
     * @param net net
     * @param messages messages bought, null when a creator's listing did not say
     * @param syncedGross summed synced earnings, gross
     * @param syncedNet net
     * @param creators creators whose listing has the fan
     * @param refreshedAt newest listing time
     */
    public record AgencySpender(
            UUID fanUuid,
            String fanHandle,
            String fanDisplayName,
            long gross,
            long net,
            Long messages,
            Long syncedGross,
            Long syncedNet,
            int creators,
            Instant refreshedAt) {}
}
