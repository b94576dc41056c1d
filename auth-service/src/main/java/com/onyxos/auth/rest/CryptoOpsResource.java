package com.onyxos.auth.rest;

import com.onyxos.auth.service.ReencryptionService;
import com.onyxos.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation for operators: re-encrypt every stored secret with the primary key. Ops role only. */
@Path("/ops/v1/crypto")
@RolesAllowed(Roles.OPS)
@Tag(name = "ops")
@Produces(MediaType.APPLICATION_JSON)
public class CryptoOpsResource {

    private final ReencryptionService reencryption;

    public CryptoOpsResource(ReencryptionService reencryption) {
        this.reencryption = reencryption;
    }

    @POST
    @Path("/reencrypt")
    @Operation(summary = "Re-encrypts stored Fanvue tokens sealed with a non-primary key")
    public Uni<ReencryptionService.Result> reencrypt() {
        return reencryption.reencryptAll();
    }
}
