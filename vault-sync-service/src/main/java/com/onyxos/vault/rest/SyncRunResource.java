package com.onyxos.vault.rest;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.CurrentTenant;
import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.repository.SyncRunRepository;
import com.onyxos.vault.service.SyncEvent;
import com.onyxos.vault.service.SyncEvents;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The agency's sync runs: status, progress, counts, errors. */
@Path("/api/vault/sync-runs")
@Authenticated
@Tag(name = "vault-sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncRunResource {

    private final SyncRunRepository runs;
    private final SyncEvents events;
    private final CurrentTenant tenant;

    public SyncRunResource(SyncRunRepository runs, SyncEvents events, CurrentTenant tenant) {
        this.runs = runs;
        this.events = events;
        this.tenant = tenant;
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events of a run: progress while it runs, then its final counts")
    public Multi<SyncEvent> events(@PathParam("id") UUID id) {
        // The run is looked up before the stream starts, so an unknown run is a 404, not a broken stream.
        Uni<Multi<SyncEvent>> stream = tenant.get()
                .chain(t -> events.follow(t.agencyId(), id))
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ProblemException(404, "sync_run_not_found", "Sync run not found", "No such sync run."));
        return RestMulti.fromUniResponse(stream, events -> events);
    }

    @GET
    @Operation(summary = "Recent sync runs, newest first")
    public Uni<List<RunRow>> recent(
            @QueryParam("modelId") UUID modelId, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return tenant.get().chain(t -> runs.recent(t.agencyId(), modelId, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One sync run")
    public Uni<RunRow> one(@PathParam("id") UUID id) {
        return tenant.get()
                .chain(t -> runs.find(t.agencyId(), id))
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ProblemException(404, "sync_run_not_found", "Sync run not found", "No such sync run."));
    }
}
