package com.onyxos.stats.rest;

import com.onyxos.common.security.Roles;
import com.onyxos.stats.job.AgencyJobs;
import com.onyxos.stats.job.ScheduledJobs;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Job endpoints for Kubernetes CronJobs (service credentials); the in-process schedule runs the same jobs. */
@Path("/internal/v1/jobs")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "internal")
@Produces(MediaType.APPLICATION_JSON)
public class StatsJobResource {

    private final ScheduledJobs jobs;

    public StatsJobResource(ScheduledJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @Path("/daily-refresh")
    @Operation(summary = "Imports and refreshes every agency's creators; an agency already running is skipped")
    public Uni<JobAnswer> dailyRefresh() {
        return jobs.dailyRefresh("job").map(JobAnswer::new);
    }

    @POST
    @Path("/revenue-heartbeat")
    @Operation(
            summary = "The revenue heartbeat of every agency (or the one given): earnings increment, subscriber days,"
                    + " top spenders, tracking links, figures; an agency already running is skipped")
    public Uni<JobAnswer> revenueHeartbeat(@QueryParam("agencyId") String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            return jobs.revenueHeartbeat("job").map(JobAnswer::new);
        }
        return jobs.revenueHeartbeat(Ids.uuid(agencyId, "agencyId"), "job").map(JobAnswer::new);
    }

    @POST
    @Path("/creator-import")
    @Operation(summary = "Imports the creators of agencies with a Fanvue connection newer than their last import")
    public Uni<JobAnswer> creatorImport() {
        return jobs.importNewConnections().map(JobAnswer::new);
    }

    /** @param agencies one run per agency */
    public record JobAnswer(List<AgencyJobs.AgencyRun> agencies) {}
}
