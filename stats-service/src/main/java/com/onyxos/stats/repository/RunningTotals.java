package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The running totals of an agency's earnings at a list of {@link Bound}s, in one statement: one backward index probe
 * per bound (and creator, or source) into a rollup's running totals, plus the rows between a bound and its bucket
 * boundary. The cost grows with the bounds (times creators or sources), not with the rows or days of the window.
 * Every row of the answer carries arrays (sources and their measures) that are unpacked here, not in SQL.
 */
@ApplicationScoped
class RunningTotals {

    /** The rollup answered from. */
    enum Level {
        /** Per source and quarter hour ({@code earnings_quarter_hours}): a probe per source and bound. */
        QUARTERS(Duration.ofMinutes(15)),
        /** Per agency and hour, every source in arrays ({@code earnings_hour_totals}): a probe per bound. */
        HOURS(Duration.ofHours(1)),
        /** Per creator and UTC day, every source in arrays ({@code earnings_creator_days}): a probe per creator. */
        CREATOR_DAYS(Duration.ofDays(1));

        final Duration unit;

        Level(Duration unit) {
            this.unit = unit;
        }
    }

    /** The agency's sources: a skip scan of the quarter-hour rollup's (agency, source, bucket) index. */
    private static final String SOURCES = "with recursive sources(source) as ((select source"
            + " from earnings_quarter_hours where agency_id = $1 order by source limit 1) union all select"
            + " (select q.source from earnings_quarter_hours q where q.agency_id = $1 and q.source > k.source"
            + " order by q.source limit 1) from sources k where k.source is not null)";

    private static final String ARRAYS =
            Measures.NAMES.stream().map(n -> "r.run_" + n + " as " + n).collect(Collectors.joining(", "));

    private final Pool pool;

    RunningTotals(Pool pool) {
        this.pool = pool;
    }

    /** Per key, the running total at each bound (index as in {@code bounds}); one creator only per creator and day. */
    Uni<Map<Key, Measures[]>> at(UUID agencyId, UUID creatorId, Level level, List<Bound> bounds) {
        if (creatorId != null && level != Level.CREATOR_DAYS) {
            throw new IllegalArgumentException(level + " has no creator");
        }
        List<Integer> corrected = IntStream.range(0, bounds.size())
                .filter(i -> bounds.get(i).hasRows())
                .boxed()
                .toList();
        Tuple params = Tuple.tuple()
                .addValue(agencyId)
                .addValue(
                        level == Level.CREATOR_DAYS
                                ? bounds.stream()
                                        .map(b -> LocalDate.ofInstant(b.rollup(), ZoneOffset.UTC))
                                        .toArray(LocalDate[]::new)
                                : bounds.stream()
                                        .map(b -> SqlTimes.utc(b.rollup()))
                                        .toArray(OffsetDateTime[]::new));
        if (!corrected.isEmpty()) {
            params.addValue(corrected.toArray(Integer[]::new))
                    .addValue(corrected.stream()
                            .map(i -> SqlTimes.utc(bounds.get(i).rawFrom()))
                            .toArray(OffsetDateTime[]::new))
                    .addValue(corrected.stream()
                            .map(i -> SqlTimes.utc(bounds.get(i).rawTo()))
                            .toArray(OffsetDateTime[]::new));
        }
        String creator = "";
        if (creatorId != null) {
            params.addValue(creatorId);
            creator = " = $" + params.size();
        }
        String probes =
                switch (level) {
                    case QUARTERS -> sourceProbes();
                    case HOURS -> hourProbes();
                    case CREATOR_DAYS -> creatorProbes(creator);
                };
        String sql = corrected.isEmpty() ? probes : probes + corrections(creator, level == Level.CREATOR_DAYS);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Map<Key, Measures[]> totals = new HashMap<>();
            for (Row row : rows) {
                add(totals, row, bounds);
            }
            return totals;
        });
    }

    private static void add(Map<Key, Measures[]> totals, Row row, List<Bound> bounds) {
        int i = row.getInteger("i");
        int sign = row.getBoolean("raw") ? bounds.get(i).sign() : 1;
        UUID creator = row.getUUID("model_id");
        String[] sources = row.getArrayOfStrings("sources");
        Long[][] measures = Measures.NAMES.stream().map(row::getArrayOfLongs).toArray(Long[][]::new);
        for (int s = 0; s < sources.length; s++) {
            int j = s;
            long[] m = Arrays.stream(measures).mapToLong(values -> values[j]).toArray();
            Measures value = new Measures(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
            Measures[] at = totals.computeIfAbsent(new Key(creator, sources[s]), k -> zeros(bounds.size()));
            at[i] = at[i].plus(value.times(sign));
        }
    }

    /** Per source and bound, the last quarter hour's running total before the bound. */
    private static String sourceProbes() {
        return SOURCES + " select (b.i - 1)::int as i, false as raw, null::uuid as model_id,"
                + " array[k.source] as sources, "
                + Measures.NAMES.stream()
                        .map(n -> "array[r.run_" + n + "] as " + n)
                        .collect(Collectors.joining(", "))
                + " from sources k cross join unnest($2::timestamptz[]) with ordinality as b(t, i)"
                + " cross join lateral (select * from earnings_quarter_hours q where q.agency_id = $1"
                + " and q.source = k.source and q.bucket < b.t order by q.bucket desc limit 1) r"
                + " where k.source is not null";
    }

    /** Per bound, the agency's last hour before it: every source's running total in arrays. */
    private static String hourProbes() {
        return "select (b.i - 1)::int as i, false as raw, null::uuid as model_id, r.sources, " + ARRAYS
                + " from unnest($2::timestamptz[]) with ordinality as b(t, i)"
                + " cross join lateral (select * from earnings_hour_totals h where h.agency_id = $1 and h.bucket < b.t"
                + " order by h.bucket desc limit 1) r";
    }

    /** Per creator of the agency and bound, the creator's last day before it: every source's running total. */
    private static String creatorProbes(String creator) {
        return "select (b.i - 1)::int as i, false as raw, m.id as model_id, r.sources, " + ARRAYS
                + " from models m cross join unnest($2::date[]) with ordinality as b(d, i)"
                + " cross join lateral (select * from earnings_creator_days c where c.agency_id = $1"
                + " and c.model_id = m.id and c.day < b.d order by c.day desc limit 1) r"
                + " where m.agency_id = $1" + (creator.isEmpty() ? "" : " and m.id" + creator);
    }

    /**
     * The rows between each corrected bound and its bucket boundary, per source (and creator): a range of the
     * (agency_id, transaction_date) index per bound (lateral, so the planner cannot pick a scan of every row for an
     * unnest it cannot estimate).
     */
    private static String corrections(String creator, boolean perCreator) {
        return " union all select r.i, true, " + (perCreator ? "r.model_id" : "null::uuid") + ", array[r.source], "
                + Measures.NAMES.stream()
                        .map(n -> "array[sum(r." + n + ")::bigint]")
                        .collect(Collectors.joining(", "))
                + " from (select s.i, t.model_id, t.transaction_type as source, " + Measures.OF_ROW
                + " from unnest($3::int[], $4::timestamptz[], $5::timestamptz[]) as s(i, a, z)"
                + " cross join lateral (select * from fanvue_transactions t where t.agency_id = $1"
                + (creator.isEmpty() ? "" : " and t.model_id" + creator)
                + " and t.transaction_date >= s.a and t.transaction_date < s.z offset 0) t) r group by r.i, "
                + (perCreator ? "r.model_id, " : "") + "r.source";
    }

    private static Measures[] zeros(int n) {
        Measures[] zeros = new Measures[n];
        Arrays.fill(zeros, Measures.ZERO);
        return zeros;
    }

    /**
     * What a running total is kept per.
     *
     * @param creatorId the creator (null at the agency's levels, which have no creator)
     * @param source the source
     */
    record Key(UUID creatorId, String source) {}
}
