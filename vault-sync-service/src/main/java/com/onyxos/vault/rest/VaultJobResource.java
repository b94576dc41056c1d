package com.onyxos.vault.rest;

import com.onyxos.common.security.Roles;
import com.onyxos.vault.job.ScheduledVaultSync;
import com.onyxos.vault.job.StaleRunCloser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Job endpoints for the Kubernetes CronJobs (service credentials); the in-process scheduler runs the same jobs. */
@Path("/internal/v1/jobs")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "internal")
@Produces(MediaType.APPLICATION_JSON)
public class VaultJobResource {

    private final ScheduledVaultSync vaultSync;
    private final StaleRunCloser staleRuns;

    public VaultJobResource(ScheduledVaultSync vaultSync, StaleRunCloser staleRuns) {
        this.vaultSync = vaultSync;
        this.staleRuns = staleRuns;
    }

    @POST
    @Path("/vault-sync")
    @Operation(summary = "Starts the sync of every active creator of every agency (runs already going are joined)")
    public Uni<Response> syncAll() {
        return staleRuns.closeStale().chain(() -> vaultSync.syncAll("job")).map(started -> Response.accepted(
                        Map.of("runsStarted", started))
                .build());
    }
}
