package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriber history (the daily series, one statement for a batch of creators' days, written only where a day is
 * new or changed) and follower history (the follower figure as the never-zero writer stored it, once per day). A
 * day whose total would fall to 0 from above the plausibility bound is not written: the stored day stays and an
 * {@code implausible} anomaly says what arrived.
 */
@ApplicationScoped
public class AudienceRows {

    private static final String UPSERT_DAYS = "with incoming as (select * from unnest($2::uuid[], $3::date[],"
            + " $4::int[], $5::int[], $6::int[]) as t(m, d, tot, n, c)),"
            + " suspicious as (select i.m, i.d, h.total as stored from incoming i join subscriber_history h"
            + " on h.model_id = i.m and h.date = i.d where i.tot = 0 and h.total > $7),"
            + " written as (insert into subscriber_history (agency_id, model_id, date, total, new_subscribers,"
            + " cancelled_subscribers) select $1, i.m, i.d, i.tot, i.n, i.c from incoming i"
            + " where not exists (select 1 from suspicious s where s.m = i.m and s.d = i.d)"
            + " on conflict (model_id, date) do update set total = excluded.total,"
            + " new_subscribers = excluded.new_subscribers, cancelled_subscribers = excluded.cancelled_subscribers,"
            + " updated_at = now() where (subscriber_history.total, subscriber_history.new_subscribers,"
            + " subscriber_history.cancelled_subscribers) is distinct from (excluded.total, excluded.new_subscribers,"
            + " excluded.cancelled_subscribers) returning 1),"
            + " held as (insert into stats_anomalies (agency_id, model_id, source, field, kind, stored_value,"
            + " received_value, detail) select $1, s.m, $8, 'subscriberHistory', 'implausible', s.stored::text, '0',"
            + " 'the day ' || s.d || ' would fall to 0 subscribers from ' || s.stored || ': kept' from suspicious s"
            + " returning 1)"
            + " select (select count(*) from written) as written, (select count(*) from held) as held";

    // By creator as PostgreSQL orders uuids (their 16 bytes unsigned), then date.
    private static final Comparator<AudienceDay> BY_CREATOR_AND_DATE = Comparator.comparing(
                    AudienceDay::creatorId,
                    (UUID a, UUID b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
                            ? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
                            : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()))
            .thenComparing(AudienceDay::date);

    private final Pool pool;

    public AudienceRows(Pool pool) {
        this.pool = pool;
    }

    /** Writes the days (of any of the agency's creators); answers how many were new or changed, and held. */
    public Uni<DaysWritten> writeDays(UUID agencyId, List<SubscriberDayRow> days, long zeroFrom, String source) {
        if (days.isEmpty()) {
            return Uni.createFrom().item(new DaysWritten(0, 0));
        }
        Tuple params = Tuple.tuple()
                .addValue(agencyId)
                .addValue(days.stream().map(SubscriberDayRow::modelId).toArray(UUID[]::new))
                .addValue(days.stream().map(SubscriberDayRow::date).toArray(LocalDate[]::new))
                .addValue(days.stream().map(SubscriberDayRow::total).toArray(Integer[]::new))
                .addValue(days.stream().map(SubscriberDayRow::added).toArray(Integer[]::new))
                .addValue(days.stream().map(SubscriberDayRow::cancelled).toArray(Integer[]::new))
                .addValue((int) Math.min(Integer.MAX_VALUE, zeroFrom))
                .addValue(source);
        return pool.preparedQuery(UPSERT_DAYS).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            return new DaysWritten(
                    row.getLong("written").intValue(), row.getLong("held").intValue());
        });
    }

    /** The creators among {@code modelIds} that have no subscriber history yet (their first sync reads it all). */
    public Uni<Set<UUID>> withoutHistory(List<UUID> modelIds) {
        return pool.preparedQuery("select m from unnest($1::uuid[]) as m"
                        + " where not exists (select 1 from subscriber_history h where h.model_id = m)")
                .execute(Tuple.of(modelIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }

    /** Records the creator's stored follower figure for the (UTC) day of {@code now}; nothing when never fetched. */
    public Uni<Integer> recordFollowers(UUID agencyId, UUID modelId, Instant now) {
        return pool.preparedQuery("insert into follower_history (agency_id, model_id, date, followers, recorded_at)"
                        + " select agency_id, id, $3, followers_count, $4 from models"
                        + " where id = $1 and agency_id = $2 and followers_count is not null"
                        + " on conflict (model_id, date) do update set followers = excluded.followers,"
                        + " recorded_at = excluded.recorded_at"
                        + " where follower_history.followers is distinct from excluded.followers")
                .execute(Tuple.of(modelId, agencyId, LocalDate.ofInstant(now, ZoneOffset.UTC), SqlTimes.utc(now)))
                .map(rows -> rows.rowCount());
    }

    /** Per creator and day in [from, to): subscribers, new, cancelled, followers (null where not recorded). */
    public Uni<List<AudienceDay>> days(UUID agencyId, UUID creatorId, LocalDate from, LocalDate to) {
        Tuple params = Tuple.of(agencyId, from, to);
        String creator = "";
        if (creatorId != null) {
            params.addValue(creatorId);
            creator = " and model_id = $4";
        }
        String sql = "select coalesce(s.model_id, f.model_id) as model_id, coalesce(s.date, f.date) as date,"
                + " s.total, s.new_subscribers, s.cancelled_subscribers, f.followers"
                + " from (select * from subscriber_history where agency_id = $1 and date >= $2 and date < $3"
                + creator + ") s full join (select * from follower_history where agency_id = $1 and date >= $2"
                + " and date < $3" + creator + ") f on f.model_id = s.model_id and f.date = s.date";
        // Ordered here, not in SQL: sorting the joined rows by two coalesced keys cost more than the join itself.
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<AudienceDay> days = new ArrayList<>(rows.size());
            for (Row row : rows) {
                days.add(new AudienceDay(
                        row.getUUID("model_id"),
                        row.getLocalDate("date"),
                        row.getInteger("total"),
                        row.getInteger("new_subscribers"),
                        row.getInteger("cancelled_subscribers"),
                        row.getInteger("followers")));
            }
            days.sort(BY_CREATOR_AND_DATE);
            return days;
        });
    }

    /**
     * What a batch of days did.
     *
     * @param written days new or changed
     * @param held days kept because they would have fallen to 0
     */
    public record DaysWritten(int written, int held) {}

    /**
     * One creator's day.
     *
     * @param creatorId the creator
     * @param date the day
     * @param subscribers subscribers at its end, null when Fanvue's series has no such day
     * @param added new subscribers
     * @param cancelled cancellations
     * @param followers followers recorded that day, null when none
     */
    public record AudienceDay(
            UUID creatorId, LocalDate date, Integer subscribers, Integer added, Integer cancelled, Integer followers) {}
}
