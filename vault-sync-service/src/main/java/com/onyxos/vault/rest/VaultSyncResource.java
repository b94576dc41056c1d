package com.onyxos.vault.rest;

import com.onyxos.common.broker.FanvueNotConnectedException;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.CurrentTenant;
import com.onyxos.common.security.Tenant;
import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.service.SyncFilter;
import com.onyxos.vault.service.SyncRequest;
import com.onyxos.vault.service.VaultSyncService;
import com.onyxos.vault.service.VaultSyncService.StartedRun;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Syncs the agency's Fanvue vaults (one creator, or all): the seed's contract, plus run ids and counts. */
@Path("/api/vault/sync-fanvue")
@Authenticated
@Tag(name = "vault-sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VaultSyncResource {

    private final VaultSyncService syncs;
    private final CurrentTenant tenant;
    private final JsonWebToken token;

    public VaultSyncResource(VaultSyncService syncs, CurrentTenant tenant, JsonWebToken token) {
        this.syncs = syncs;
        this.tenant = tenant;
        this.token = token;
    }

    @POST
    @Operation(summary = "Syncs one creator's vault (modelId) or every active creator's; async=true answers 202")
    public Uni<Response> sync(@Valid SyncBody body) {
        SyncBody request = body == null ? new SyncBody(null, null, null, null) : body;
        SyncRequest sync =
                new SyncRequest("manual", token.getSubject(), new SyncFilter(request.folders(), request.mediaTypes()));
        return tenant.get().chain(t -> start(t, request, sync)).chain(started -> answer(request, started));
    }

    private Uni<List<StartedRun>> start(Tenant t, SyncBody request, SyncRequest sync) {
        return request.modelId() == null
                ? syncs.startAgency(t.agencyId(), sync)
                : syncs.startCreator(t.agencyId(), request.modelId(), sync).map(List::of);
    }

    private Uni<Response> answer(SyncBody request, List<StartedRun> started) {
        if (Boolean.TRUE.equals(request.async())) {
            List<UUID> ids = started.stream().map(run -> run.run().id()).toList();
            return Uni.createFrom()
                    .item(Response.accepted(new SyncAccepted(ids, "running")).build());
        }
        return syncs.awaitAll(started).map(runs -> {
            if (request.modelId() != null && notConnected(runs.get(0))) {
                throw new ProblemException(
                        409,
                        "fanvue_not_connected",
                        "Fanvue not connected",
                        FanvueNotConnectedException.MESSAGE + " (sync run "
                                + runs.get(0).id() + ")");
            }
            return Response.ok(SyncResult.of(runs)).build();
        });
    }

    private static boolean notConnected(RunRow run) {
        return "failed".equals(run.status()) && run.errors().contains(FanvueNotConnectedException.MESSAGE);
    }

    /**
     * @param modelId one creator; absent: every active creator of the agency
     * @param folders only these vault folders
     * @param mediaTypes only these media types
     * @param async answer 202 with the run ids at once
     */
    public record SyncBody(
            UUID modelId,
            @Size(max = 200) List<@NotBlank @Size(max = 255) String> folders,
            @Size(max = 10) List<@NotBlank @Size(max = 32) String> mediaTypes,
            Boolean async) {}

    /**
     * @param runIds the runs started or joined
     * @param status {@code running}
     */
    public record SyncAccepted(List<UUID> runIds, String status) {}
}
