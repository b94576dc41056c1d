package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.repository.AnalyticsWindow;
import com.onyxos.stats.repository.EarningsAnalytics;
import com.onyxos.stats.repository.EarningsAnalytics.LocalTimes;
import com.onyxos.stats.repository.EarningsRollups;
import com.onyxos.stats.repository.Measures;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running-total rollups (per creator and day, per source and quarter hour, per agency and hour) answer exactly
 * what the transaction rows say, to the cent and the count, sales apart from refunds and chargebacks: for ragged
 * windows, local days that cross a DST change (Berlin 25 October, New York 1 November 2026), fractional-offset zones
 * (Asia/Kathmandu +05:45, Asia/Kolkata +05:30), by day, week and month, and after a recompute of only some dates
 * (late rows and a sale turned chargeback in the middle: every running total after them moves). The expected figures
 * are computed here from the same rows in Java.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class EarningsRunningTotalsTest {

    private static final List<String> SOURCES = List.of("subscription", "renewal", "message", "tip", "fanClub");
    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"),
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Asia/Kolkata"));
    private static final Instant START = Instant.parse("2026-10-20T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-06T00:00:00Z");

    @Inject
    BackgroundRefresh background;

    @Inject
    EarningsRollups rollups;

    @Inject
    EarningsAnalytics analytics;

    private UUID agency;
    private List<UUID> creators;
    private final List<Tx> rows = new ArrayList<>();

    @BeforeEach
    void world() {
        StatsWorld world = StatsWorld.connected(2);
        creators = world.importCreators(background);
        agency = world.tenants.agencyA();
        for (int k = 0; k < 800; k++) {
            Instant at = START.plusSeconds(k * 1836L + (k * 7919L) % 900).plusMillis(k % 1000);
            rows.add(tx(k, at));
        }
        // On local midnights and hours around the DST changes, and on the ragged window's bounds.
        List.of(
                        "2026-10-24T22:00:00Z",
                        "2026-10-25T00:59:59.999999Z",
                        "2026-10-25T01:00:00Z",
                        "2026-10-25T23:00:00Z",
                        "2026-11-01T04:00:00Z",
                        "2026-11-01T05:59:59Z",
                        "2026-11-01T06:00:00Z",
                        "2026-11-02T05:00:00Z",
                        "2026-10-27T18:15:00Z",
                        "2026-10-27T18:30:00Z",
                        "2026-10-21T10:07:13Z",
                        "2026-11-03T13:45:58.999Z")
                .forEach(at -> rows.add(tx(rows.size(), Instant.parse(at))));
        insert(rows);
        for (UUID creator : creators) {
            StatsDb.update(
                    "insert into stats_earnings_sync (model_id, agency_id, dirty_from, dirty_to) values (?, ?, ?, ?)",
                    creator,
                    agency,
                    java.sql.Timestamp.from(START),
                    java.sql.Timestamp.from(END));
        }
        rollups.refresh(agency).await().indefinitely();
    }

    @AfterEach
    void quiet() {
        StatsWorld.awaitQuiet(background);
    }

    private Tx tx(int k, Instant at) {
        String kind = k % 11 == 0 ? "refund" : k % 17 == 0 ? "chargeback" : "sale";
        long gross = 100 + (k * 37L) % 5000;
        long sign = kind.equals("sale") ? 1 : -1;
        return new Tx(
                "rt-" + k,
                creators.get(k % 3 == 0 ? 1 : 0),
                at,
                SOURCES.get(k % SOURCES.size()),
                kind,
                sign * gross,
                sign * (gross * 8 / 10));
    }

    private void insert(List<Tx> batch) {
        String values = batch.stream()
                .map(t -> String.format(
                        "(gen_random_uuid(), '%s', '%s', '%s', '%s', '%s', '%s', '%s', timestamptz '%s', %d, %d, 'USD')",
                        agency,
                        t.creator(),
                        t.key(),
                        t.key(),
                        t.source(),
                        t.kind(),
                        t.kind(),
                        t.at(),
                        t.gross(),
                        t.net()))
                .collect(Collectors.joining(", "));
        StatsDb.update("insert into fanvue_transactions (id, agency_id, model_id, transaction_order_id, dedup_key,"
                + " transaction_type, transaction_status, entry_kind, transaction_date, gross_amount, net_amount,"
                + " currency) values " + values);
    }

    @Test
    void everyLevelEqualsTheRowsForRaggedDstAndFractionalOffsetWindows() {
        assertThat(rows.stream().map(Tx::kind).distinct()).contains("sale", "refund", "chargeback");
        assertEverythingMatches();
    }

    @Test
    void aRecomputeOfSomeDatesMovesEveryRunningTotalAfterThem() {
        // Late rows in the middle of the history, and a sale there turned chargeback (a status change in place).
        List<Tx> late = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            late.add(tx(
                    10_000 + k,
                    Instant.parse("2026-10-28T00:00:00Z").plusSeconds(k * 2003L).plusMillis(7)));
        }
        insert(late);
        rows.addAll(late);
        Tx sale = rows.stream()
                .filter(t -> t.kind().equals("sale") && t.at().toString().startsWith("2026-10-28"))
                .findFirst()
                .orElseThrow();
        StatsDb.update(
                "update fanvue_transactions set entry_kind = 'chargeback', gross_amount = ?, net_amount = ?"
                        + " where dedup_key = ?",
                -sale.gross(),
                -sale.net(),
                sale.key());
        rows.set(
                rows.indexOf(sale),
                new Tx(sale.key(), sale.creator(), sale.at(), sale.source(), "chargeback", -sale.gross(), -sale.net()));
        for (UUID creator : creators) {
            StatsDb.update(
                    "update stats_earnings_sync set dirty_from = ?, dirty_to = ? where model_id = ?",
                    java.sql.Timestamp.from(Instant.parse("2026-10-28T00:00:00Z")),
                    java.sql.Timestamp.from(Instant.parse("2026-10-28T23:59:59Z")),
                    creator);
        }

        rollups.refresh(agency).await().indefinitely();

        assertEverythingMatches();
    }

    @Test
    void longWindowsAreAnsweredFromTheRollupsNotTheRows() {
        AnalyticsWindow utcDays = new AnalyticsWindow(agency, null, START, END, ZoneId.of("UTC"));
        Map<String, Measures> before =
                bySource(analytics.totalsBySource(utcDays).await().indefinitely());
        // A row changed behind the rollups' back (no dirty range): whole quarter hours are answered from the
        // rollups, so the figure stays until a recompute of that date.
        StatsDb.update("update fanvue_transactions set gross_amount = gross_amount + 100000, net_amount = net_amount"
                + " + 100000 where dedup_key = 'rt-5'");
        assertThat(bySource(analytics.totalsBySource(utcDays).await().indefinitely()))
                .isEqualTo(before);
        StatsDb.update(
                "update stats_earnings_sync set dirty_from = ?, dirty_to = ? where model_id = ?",
                java.sql.Timestamp.from(rows.get(5).at()),
                java.sql.Timestamp.from(rows.get(5).at()),
                rows.get(5).creator());

        rollups.refresh(agency).await().indefinitely();

        Map<String, Measures> after =
                bySource(analytics.totalsBySource(utcDays).await().indefinitely());
        assertThat(after.get(rows.get(5).source()).salesNet()
                        - before.get(rows.get(5).source()).salesNet())
                .isEqualTo(100000);
    }

    private void assertEverythingMatches() {
        for (ZoneId zone : ZONES) {
            for (Instant[] window : windows(zone)) {
                AnalyticsWindow w = new AnalyticsWindow(agency, null, window[0], window[1], zone);
                String where = zone + " " + window[0] + ".." + window[1];
                Predicate<Tx> in = t -> !t.at().isBefore(window[0]) && t.at().isBefore(window[1]);

                assertThat(byCreatorAndSource(analytics.totals(w).await().indefinitely()))
                        .as("totals per creator " + where)
                        .isEqualTo(expected(in, t -> t.creator() + "/" + t.source()));
                assertThat(bySource(analytics.totalsBySource(w).await().indefinitely()))
                        .as("totals per source " + where)
                        .isEqualTo(expected(in, Tx::source));
                AnalyticsWindow one = new AnalyticsWindow(agency, creators.get(1), window[0], window[1], zone);
                assertThat(byCreatorAndSource(analytics.totals(one).await().indefinitely()))
                        .as("one creator's totals " + where)
                        .isEqualTo(expected(
                                in.and(t -> t.creator().equals(creators.get(1))), t -> t.creator() + "/" + t.source()));
                for (String granularity : List.of("day", "week", "month")) {
                    Map<String, Measures> series = new TreeMap<>();
                    analytics
                            .series(w, granularity)
                            .await()
                            .indefinitely()
                            .forEach(p ->
                                    series.merge(p.periodStart() + "/" + p.source(), p.measures(), Measures::plus));
                    assertThat(series)
                            .as(granularity + " series " + where)
                            .isEqualTo(expected(in, t -> period(t.at(), zone, granularity) + "/" + t.source()));
                }
                LocalTimes local = analytics.byLocalTime(w).await().indefinitely();
                Map<String, Measures> cells = new TreeMap<>();
                local.weekHours().forEach(c -> cells.put(c.weekday() + "/" + c.hour(), c.measures()));
                assertThat(cells).as("weekday and hour " + where).isEqualTo(expected(in, t -> {
                    ZonedDateTime z = t.at().atZone(zone);
                    return z.getDayOfWeek().getValue() + "/" + z.getHour();
                }));
                Map<String, Measures> days = new TreeMap<>();
                local.days().forEach((date, m) -> days.put(date.toString(), m));
                assertThat(days).as("local dates " + where).isEqualTo(expected(in, t -> LocalDate.ofInstant(
                                t.at(), zone)
                        .toString()));
            }
        }
    }

    /** A ragged window, the whole history, and local midnights around both DST changes. */
    private static List<Instant[]> windows(ZoneId zone) {
        return List.of(
                new Instant[] {Instant.parse("2026-10-21T10:07:13Z"), Instant.parse("2026-11-03T13:45:59Z")},
                new Instant[] {START.minus(Duration.ofDays(2)), END.plus(Duration.ofDays(3))},
                new Instant[] {
                    LocalDate.parse("2026-10-22").atStartOfDay(zone).toInstant(),
                    LocalDate.parse("2026-11-04").atStartOfDay(zone).toInstant()
                },
                new Instant[] {Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-11-01T06:00:00Z")});
    }

    private static String period(Instant at, ZoneId zone, String granularity) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        LocalDate start =
                switch (granularity) {
                    case "week" -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case "month" -> date.withDayOfMonth(1);
                    default -> date;
                };
        return start.atStartOfDay(zone).toInstant().toString();
    }

    private Map<String, Measures> expected(Predicate<Tx> in, Function<Tx, String> key) {
        Map<String, Measures> expected = new TreeMap<>();
        rows.stream().filter(in).forEach(t -> expected.merge(key.apply(t), t.measures(), Measures::plus));
        return expected;
    }

    private static Map<String, Measures> byCreatorAndSource(List<EarningsAnalytics.SourceTotals> totals) {
        Map<String, Measures> map = new TreeMap<>();
        totals.forEach(t -> map.merge(t.creatorId() + "/" + t.source(), t.measures(), Measures::plus));
        return map;
    }

    private static Map<String, Measures> bySource(List<EarningsAnalytics.SourceTotals> totals) {
        Map<String, Measures> map = new TreeMap<>();
        totals.forEach(t -> map.merge(t.source(), t.measures(), Measures::plus));
        return map;
    }

    /** One generated transaction row. */
    private record Tx(String key, UUID creator, Instant at, String source, String kind, long gross, long net) {
        Measures measures() {
            return switch (kind) {
                case "sale" -> new Measures(gross, net, 1, 0, 0, 0, 0, 0, 0);
                case "refund" -> new Measures(0, 0, 0, gross, net, 1, 0, 0, 0);
                default -> new Measures(0, 0, 0, 0, 0, 0, gross, net, 1);
            };
        }
    }
}
