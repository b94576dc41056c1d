package com.onyxos.stats.rest;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.CurrentTenant;
import com.onyxos.common.security.Tenant;
import com.onyxos.stats.repository.AnomalyRows;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.service.CreatorRefresh;
import com.onyxos.stats.service.StatsReadService;
import com.onyxos.stats.service.StatsRefreshService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A creator's figures, their refresh (one creator or all), and the anomalies kept values left (admins). */
@Path("/api/creators")
@Authenticated
@Tag(name = "stats")
@Produces(MediaType.APPLICATION_JSON)
public class CreatorStatsResource {

    private final StatsReadService reads;
    private final StatsRefreshService refreshes;
    private final CreatorQueries creators;
    private final AnomalyRows anomalies;
    private final CurrentTenant tenant;
    private final RenderedStats rendered;

    public CreatorStatsResource(
            StatsReadService reads,
            StatsRefreshService refreshes,
            CreatorQueries creators,
            AnomalyRows anomalies,
            CurrentTenant tenant,
            RenderedStats rendered) {
        this.reads = reads;
        this.refreshes = refreshes;
        this.creators = creators;
        this.anomalies = anomalies;
        this.tenant = tenant;
        this.rendered = rendered;
    }

    @GET
    @Path("/{id}/stats")
    @Operation(summary = "The creator's figures: value, refreshedAt and stale each; null when never fetched")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StatsView.class)))
    public Uni<Response> stats(@PathParam("id") String id) {
        return tenant.get()
                .chain(t -> reads.creator(t.agencyId(), Ids.creatorId(id)))
                .onItem()
                .ifNull()
                .failWith(Ids::creatorNotFound)
                .map(row -> Response.ok(rendered.of(row), MediaType.APPLICATION_JSON_TYPE)
                        .build());
    }

    @POST
    @Path("/{id}/stats/refresh")
    @Operation(summary = "Refreshes the creator's figures from Fanvue now (joins a refresh already running)")
    public Uni<CreatorRefresh> refresh(@PathParam("id") String id) {
        UUID creatorId = Ids.creatorId(id);
        return tenant.get()
                .chain(t -> creators.ref(t.agencyId(), creatorId))
                .onItem()
                .ifNull()
                .failWith(Ids::creatorNotFound)
                .chain(this::refreshActive);
    }

    @POST
    @Path("/stats/refresh-all")
    @Operation(
            summary = "Refreshes every active creator of the agency in parallel; per creator and figure what happened")
    public Uni<RefreshAll> refreshAll() {
        return tenant.get()
                .chain(t -> refreshes.refreshAll(t.agencyId(), "refresh-all"))
                .map(RefreshAll::of);
    }

    @GET
    @Path("/{id}/anomalies")
    @Operation(summary = "Values kept instead of replaced, newest first, and values held as implausible (admins)")
    public Uni<Anomalies> anomalies(@PathParam("id") String id, @QueryParam("limit") String limit) {
        UUID creatorId = Ids.creatorId(id);
        int rows = limit(limit);
        return tenant.admin().chain(t -> creators.ref(t.agencyId(), creatorId)
                .onItem()
                .ifNull()
                .failWith(Ids::creatorNotFound)
                .chain(creator -> list(t, creatorId, rows)));
    }

    private Uni<Anomalies> list(Tenant t, UUID creatorId, int rows) {
        return anomalies
                .latest(t.agencyId(), creatorId, rows)
                .chain(items -> anomalies.held(t.agencyId(), creatorId).map(held -> new Anomalies(items, held)));
    }

    private Uni<CreatorRefresh> refreshActive(CreatorRef creator) {
        if (!creator.active()) {
            throw new ProblemException(
                    409,
                    "creator_not_active",
                    "Creator not active",
                    "Only active creators are synced; this one is " + creator.status() + ".");
        }
        return refreshes.refresh(creator, "refresh").onItem().ifNull().failWith(Ids::creatorNotFound);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 1000) {
            throw new ProblemException(400, "invalid_input", "Bad Request", "limit must be an integer from 1 to 1000.");
        }
        return Integer.parseInt(value);
    }

    /**
     * @param creators per creator and figure: refreshed or kept, and why
     * @param refreshed figures written from Fanvue's answers
     * @param kept figures kept as stored
     */
    public record RefreshAll(List<CreatorRefresh> creators, long refreshed, long kept) {
        static RefreshAll of(List<CreatorRefresh> creators) {
            return new RefreshAll(
                    creators,
                    creators.stream().mapToLong(CreatorRefresh::refreshedCount).sum(),
                    creators.stream().mapToLong(CreatorRefresh::keptCount).sum());
        }
    }

    /**
     * @param items kept values, newest first
     * @param held implausible values waiting for a confirming refresh
     */
    public record Anomalies(List<AnomalyRows.AnomalyItem> items, List<AnomalyRows.HeldItem> held) {}
}
