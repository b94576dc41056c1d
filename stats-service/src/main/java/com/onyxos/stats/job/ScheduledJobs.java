package com.onyxos.stats.job;

import com.onyxos.common.run.JobRuns;
import com.onyxos.stats.repository.ConnectionRows;
import com.onyxos.stats.repository.CreatorQueries;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The in-process schedule (single node, local stack; off in tests): the daily refresh of every agency, the revenue
 * heartbeat (every {@code onyx.stats.heartbeat.every}, 10 minutes), a short periodic check for Fanvue connections
 * created since the agency's last import (a new or renewed connection), whose creators are then imported — so
 * auth-service needs to tell stats-service nothing — and, every 15 s, closing job runs whose process died. The job
 * endpoints run the same work for Kubernetes CronJobs; both at once are harmless (one run per agency at a time).
 */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private final CreatorQueries creators;
    private final ConnectionRows connections;
    private final AgencyJobs jobs;
    private final JobRuns runs;

    public ScheduledJobs(CreatorQueries creators, ConnectionRows connections, AgencyJobs jobs, JobRuns runs) {
        this.creators = creators;
        this.connections = connections;
        this.jobs = jobs;
        this.runs = runs;
    }

    /**
     * Closes, as failed, job runs whose process died (its lease lock is gone or its heartbeat stopped), so a run
     * nobody asks about is not shown running for long; a caller that meets such a run closes it itself.
     */
    @Scheduled(
            identity = "stats-dead-run-closer",
            every = "${onyx.stats.dead-run-check-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledDeadRunCheck() {
        return runs.closeDead().replaceWithVoid();
    }

    @Scheduled(
            identity = "stats-daily-refresh",
            cron = "${onyx.stats.daily-refresh-cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledDaily() {
        return dailyRefresh("daily")
                .invoke(runs -> LOG.infof("Daily stats refresh covered %d agencies", runs.size()))
                .replaceWithVoid();
    }

    @Scheduled(
            identity = "stats-connection-check",
            every = "${onyx.stats.connection-check-every:60s}",
            delayed = "${onyx.stats.connection-check-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledConnectionCheck() {
        return importNewConnections().replaceWithVoid();
    }

    @Scheduled(
            identity = "stats-revenue-heartbeat",
            every = "${onyx.stats.heartbeat.every:10m}",
            delayed = "${onyx.stats.heartbeat.delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledHeartbeat() {
        return revenueHeartbeat("schedule")
                .invoke(runs -> LOG.infof("Revenue heartbeat covered %d agencies", runs.size()))
                .replaceWithVoid();
    }

    /** The revenue heartbeat of every agency with a live connection or an active creator. */
    public Uni<List<AgencyJobs.AgencyRun>> revenueHeartbeat(String trigger) {
        return creators.agenciesToRefresh().chain(agencies -> jobs.heartbeat(agencies, trigger));
    }

    /** The revenue heartbeat of one agency. */
    public Uni<List<AgencyJobs.AgencyRun>> revenueHeartbeat(UUID agencyId, String trigger) {
        return jobs.heartbeat(List.of(agencyId), trigger);
    }

    /** Imports and refreshes every agency. */
    public Uni<List<AgencyJobs.AgencyRun>> dailyRefresh(String trigger) {
        return creators.agenciesToRefresh().chain(agencies -> jobs.daily(agencies, trigger));
    }

    /** Imports the creators of agencies whose connections are newer than their last import. */
    public Uni<List<AgencyJobs.AgencyRun>> importNewConnections() {
        return connections.agenciesWithNewConnections().chain(agencies -> jobs.importEach(agencies, "new-connection"));
    }
}
