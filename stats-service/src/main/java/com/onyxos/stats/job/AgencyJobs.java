package com.onyxos.stats.job;

import com.onyxos.stats.repository.JobRuns;
import com.onyxos.stats.service.CreatorImportService;
import com.onyxos.stats.service.CreatorRefresh;
import com.onyxos.stats.service.RevenueHeartbeat;
import com.onyxos.stats.service.StatsRefreshService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The jobs' work for one agency, each a recorded run that runs once per agency at a time cluster-wide: the daily
 * refresh (import the creators, then refresh every active one), the import after a new connection, and the revenue
 * heartbeat (earnings, audience, top spenders, tracking links, figures).
 */
@ApplicationScoped
public class AgencyJobs {

    static final String DAILY = "stats-daily-refresh";
    static final String IMPORT = "stats-creator-import";
    static final String HEARTBEAT = "stats-revenue-heartbeat";

    private final JobRuns runs;
    private final CreatorImportService imports;
    private final StatsRefreshService refreshes;
    private final RevenueHeartbeat heartbeat;

    public AgencyJobs(
            JobRuns runs, CreatorImportService imports, StatsRefreshService refreshes, RevenueHeartbeat heartbeat) {
        this.runs = runs;
        this.imports = imports;
        this.refreshes = refreshes;
        this.heartbeat = heartbeat;
    }

    /** The revenue heartbeat of each agency. */
    public Uni<List<AgencyRun>> heartbeat(List<UUID> agencies, String trigger) {
        return each(
                agencies,
                agency -> run(HEARTBEAT, agency, () -> heartbeat
                        .run(agency, trigger)
                        .map(result -> new AgencyRun(
                                agency,
                                "ran",
                                result.counts().get("creators").intValue(),
                                result.counts().get("figuresRefreshed"),
                                result.counts().get("figuresKept"),
                                result.errors(),
                                result.counts()))));
    }

    /** The daily refresh of each agency, one after the other. */
    public Uni<List<AgencyRun>> daily(List<UUID> agencies, String trigger) {
        return each(agencies, agency -> run(DAILY, agency, () -> dailyRefresh(agency, trigger)));
    }

    /** The import of each agency. */
    public Uni<List<AgencyRun>> importEach(List<UUID> agencies, String trigger) {
        return each(
                agencies,
                agency -> run(IMPORT, agency, () -> imports.importAgency(agency, trigger)
                        .map(result -> new AgencyRun(
                                agency,
                                "ran",
                                result.counts().listed(),
                                0,
                                0,
                                result.counts().errors(),
                                Map.of("listed", (long) result.counts().listed())))));
    }

    private Uni<AgencyRun> dailyRefresh(UUID agency, String trigger) {
        return imports.importAgency(agency, trigger)
                .chain(imported -> refreshes.refreshAll(agency, trigger).map(done -> {
                    List<String> errors = new ArrayList<>(imported.counts().errors());
                    done.forEach(refresh -> refresh.fields().stream()
                            .filter(field -> !field.refreshed() && "error".equals(field.reason()))
                            .findFirst()
                            .ifPresent(field -> errors.add(refresh.handle() + ": " + field.error())));
                    long refreshed = done.stream()
                            .mapToLong(CreatorRefresh::refreshedCount)
                            .sum();
                    long kept =
                            done.stream().mapToLong(CreatorRefresh::keptCount).sum();
                    return new AgencyRun(
                            agency,
                            "ran",
                            done.size(),
                            refreshed,
                            kept,
                            errors,
                            Map.of("creators", (long) done.size(), "figuresRefreshed", refreshed, "figuresKept", kept));
                }));
    }

    private Uni<AgencyRun> run(String job, UUID agency, java.util.function.Supplier<Uni<AgencyRun>> work) {
        return runs.start(job, agency).chain(run -> {
            if (run == null) {
                return Uni.createFrom()
                        .item(new AgencyRun(agency, "skipped: already running", 0, 0, 0, List.of(), Map.of()));
            }
            return work.get()
                    .onFailure()
                    .recoverWithItem(failure -> new AgencyRun(
                            agency, "failed", 0, 0, 0, List.of(String.valueOf(failure.getMessage())), Map.of()))
                    .call(done -> runs.finish(run, done.counts(), done.errors()));
        });
    }

    private static Uni<List<AgencyRun>> each(
            List<UUID> agencies, java.util.function.Function<UUID, Uni<AgencyRun>> work) {
        return Multi.createFrom()
                .iterable(agencies)
                .onItem()
                .transformToUniAndConcatenate(agency -> work.apply(agency))
                .collect()
                .asList();
    }

    /**
     * One agency's run.
     *
     * @param agencyId the agency
     * @param outcome ran, skipped (another run of the job was going on) or failed
     * @param creators creators covered
     * @param refreshed figures written
     * @param kept figures kept
     * @param errors what went wrong
     * @param counts what the run counted (per job: creators, rows written per step, figures refreshed and kept...)
     */
    public record AgencyRun(
            UUID agencyId,
            String outcome,
            int creators,
            long refreshed,
            long kept,
            List<String> errors,
            Map<String, Long> counts) {}
}
