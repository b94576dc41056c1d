package com.onyxos.stats.job;

import com.onyxos.stats.repository.JobRuns;
import com.onyxos.stats.service.CreatorImportService;
import com.onyxos.stats.service.CreatorRefresh;
import com.onyxos.stats.service.StatsRefreshService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The jobs' work for one agency, each a recorded run that runs once per agency at a time cluster-wide: the daily
 * refresh (import the creators, then refresh every active one) and the import after a new connection.
 */
@ApplicationScoped
public class AgencyJobs {

    static final String DAILY = "stats-daily-refresh";
    static final String IMPORT = "stats-creator-import";

    private final JobRuns runs;
    private final CreatorImportService imports;
    private final StatsRefreshService refreshes;

    public AgencyJobs(JobRuns runs, CreatorImportService imports, StatsRefreshService refreshes) {
        this.runs = runs;
        this.imports = imports;
        this.refreshes = refreshes;
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
                                result.counts().errors()))));
    }

    private Uni<AgencyRun> dailyRefresh(UUID agency, String trigger) {
        return imports.importAgency(agency, trigger)
                .chain(imported -> refreshes.refreshAll(agency, trigger).map(done -> {
                    List<String> errors = new ArrayList<>(imported.counts().errors());
                    done.forEach(refresh -> refresh.fields().stream()
                            .filter(field -> !field.refreshed() && "error".equals(field.reason()))
                            .findFirst()
                            .ifPresent(field -> errors.add(refresh.handle() + ": " + field.error())));
                    return new AgencyRun(
                            agency,
                            "ran",
                            done.size(),
                            done.stream()
                                    .mapToLong(CreatorRefresh::refreshedCount)
                                    .sum(),
                            done.stream().mapToLong(CreatorRefresh::keptCount).sum(),
                            errors);
                }));
    }

    private Uni<AgencyRun> run(String job, UUID agency, java.util.function.Supplier<Uni<AgencyRun>> work) {
        return runs.start(job, agency).chain(run -> {
            if (run == null) {
                return Uni.createFrom().item(new AgencyRun(agency, "skipped: already running", 0, 0, 0, List.of()));
            }
            return work.get()
                    .onFailure()
                    .recoverWithItem(failure ->
                            new AgencyRun(agency, "failed", 0, 0, 0, List.of(String.valueOf(failure.getMessage()))))
                    .call(done -> runs.finish(run, done.creators(), done.refreshed(), done.kept(), done.errors()));
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
     */
    public record AgencyRun(
            UUID agencyId, String outcome, int creators, long refreshed, long kept, List<String> errors) {}
}
