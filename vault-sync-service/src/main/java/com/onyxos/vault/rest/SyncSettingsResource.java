package com.onyxos.vault.rest;

import com.onyxos.common.security.CurrentTenant;
import com.onyxos.vault.repository.SyncSettingsRepository;
import com.onyxos.vault.repository.SyncSettingsRepository.SyncSettings;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agency's vault sync defaults: selective folders and media types, and the schedule. Admins change them. */
@Path("/api/vault/settings")
@Authenticated
@Tag(name = "vault-sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncSettingsResource {

    private final SyncSettingsRepository settings;
    private final CurrentTenant tenant;
    private final JsonWebToken token;

    public SyncSettingsResource(SyncSettingsRepository settings, CurrentTenant tenant, JsonWebToken token) {
        this.settings = settings;
        this.tenant = tenant;
        this.token = token;
    }

    @GET
    @Operation(summary = "The agency's sync defaults")
    public Uni<SyncSettings> get() {
        return tenant.get().chain(t -> settings.find(t.agencyId()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Saves the agency's sync defaults (admins)")
    public Uni<SyncSettings> put(@Valid @NotNull SettingsBody body) {
        return tenant.admin()
                .chain(t -> settings.save(
                        t.agencyId(),
                        new SyncSettings(body.folders(), body.mediaTypes(), body.scheduleEnabled(), null, null),
                        token.getSubject()));
    }

    /**
     * @param folders default folders (empty or absent: all)
     * @param mediaTypes default media types (empty or absent: all)
     * @param scheduleEnabled whether the scheduled sync includes the agency
     */
    public record SettingsBody(
            @Size(max = 200) List<@NotBlank @Size(max = 255) String> folders,
            @Size(max = 10) List<@NotBlank @Size(max = 32) String> mediaTypes,
            @NotNull Boolean scheduleEnabled) {}
}
