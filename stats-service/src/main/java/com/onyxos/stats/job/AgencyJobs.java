package com.onyxos.stats.job;

import com.onyxos.common.run.JobOutcome;
import com.onyxos.common.run.JobRun;
import com.onyxos.common.run.JobRuns;
import com.onyxos.stats.service.CreatorImportService;
import com.onyxos.stats.service.CreatorRefresh;
import com.onyxos.stats.service.RevenueHeartbeat;
import com.onyxos.stats.service.StatsRefreshService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The jobs' work for one agency, each a run in common's {@code job_runs} on the run lease (one running run per job
 * and agency cluster-wide; a second caller joins the live run and answers its outcome): the daily refresh (import
 * the creators, then refresh every active one), the import after a new connection, and the revenue heartbeat
 * (earnings, audience, top spenders, tracking links, figures).
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
                agency -> run(HEARTBEAT, agency, trigger, () -> heartbeat
                        .run(agency, trigger)
                        .map(result -> outcome(result.counts(), result.errors(), "revenue heartbeat"))));
    }

    /** The daily refresh of each agency, one after the other. */
    public Uni<List<AgencyRun>> daily(List<UUID> agencies, String trigger) {
        return each(agencies, agency -> run(DAILY, agency, trigger, () -> dailyRefresh(agency, trigger)));
    }

    /** The import of each agency. */
    public Uni<List<AgencyRun>> importEach(List<UUID> agencies, String trigger) {
        return each(
                agencies,
                agency -> run(IMPORT, agency, trigger, () -> imports.importAgency(agency, trigger)
                        .map(result -> outcome(
                                Map.of("creators", (long) result.counts().listed()),
                                result.counts().errors(),
                                "creator import"))));
    }

    private Uni<JobOutcome> dailyRefresh(UUID agency, String trigger) {
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
                    Map<String, Long> counts =
                            Map.of("creators", (long) done.size(), "figuresRefreshed", refreshed, "figuresKept", kept);
                    return outcome(counts, errors, "daily refresh");
                }));
    }

    private Uni<AgencyRun> run(String job, UUID agency, String trigger, Supplier<Uni<JobOutcome>> work) {
        return runs.run(job, agency, trigger, lease -> work.get())
                .chain(started -> started.finished().map(run -> AgencyRun.of(agency, run, started.started())));
    }

    private static JobOutcome outcome(Map<String, Long> counts, List<String> errors, String what) {
        String message = what + ": " + counts + (errors.isEmpty() ? "" : ", " + errors.size() + " error(s)");
        return errors.isEmpty() ? JobOutcome.succeeded(counts, message) : JobOutcome.partial(counts, errors, message);
    }

    private static Uni<List<AgencyRun>> each(List<UUID> agencies, Function<UUID, Uni<AgencyRun>> work) {
        return Multi.createFrom()
                .iterable(agencies)
                .onItem()
                .transformToUniAndConcatenate(work::apply)
                .collect()
                .asList();
    }

    /**
     * One agency's run, as recorded in {@code job_runs}.
     *
     * @param agencyId the agency
     * @param runId the run's id in {@code job_runs}
     * @param outcome {@code ran} (this call started it) or {@code joined} (another call or process was running it;
     *     this one waited for it and answers how it ended)
     * @param status how the run ended: succeeded, partial, failed
     * @param creators creators covered
     * @param refreshed figures written
     * @param kept figures kept
     * @param errors what went wrong
     * @param counts what the run counted (per job: creators, rows written per step, figures refreshed and kept...)
     */
    public record AgencyRun(
            UUID agencyId,
            UUID runId,
            String outcome,
            String status,
            long creators,
            long refreshed,
            long kept,
            List<String> errors,
            Map<String, Long> counts) {

        static AgencyRun of(UUID agencyId, JobRun run, boolean started) {
            Map<String, Long> counts = new LinkedHashMap<>(run.counts());
            return new AgencyRun(
                    agencyId,
                    run.id(),
                    started ? "ran" : "joined",
                    run.status(),
                    counts.getOrDefault("creators", 0L),
                    counts.getOrDefault("figuresRefreshed", 0L),
                    counts.getOrDefault("figuresKept", 0L),
                    run.errors(),
                    counts);
        }
    }
}
