package com.onyxos.vault.rest;

import com.onyxos.common.security.CurrentTenant;
import com.onyxos.vault.mapping.AssetCursor;
import com.onyxos.vault.mapping.AssetSort;
import com.onyxos.vault.repository.AssetFilter;
import com.onyxos.vault.repository.AssetItem;
import com.onyxos.vault.service.AssetLibraryService;
import com.onyxos.vault.service.AssetPage;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agency's asset library: filtered keyset listing, one asset, and the user's edits (any member). */
@Path("/api/vault/assets")
@Authenticated
@Tag(name = "assets")
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {

    private final AssetLibraryService library;
    private final CurrentTenant tenant;

    public AssetResource(AssetLibraryService library, CurrentTenant tenant) {
        this.library = library;
        this.tenant = tenant;
    }

    @GET
    @Operation(
            summary = "Lists assets",
            description = "Filters combine with AND. sort: created (default), revenue, conversion, all descending with"
                    + " the id breaking ties. Pass nextCursor back as cursor with the same filters and sort for the"
                    + " next page; it is null on the last page.")
    @APIResponse(responseCode = "200", description = "A page of assets with their ROI numbers")
    @APIResponse(responseCode = "400", description = "Bad filter, sort, cursor or limit (1-200)")
    public Uni<AssetPage> list(
            @QueryParam("modelId") String modelId,
            @QueryParam("folder") String folder,
            @QueryParam("mediaType") String mediaType,
            @QueryParam("contentType") String contentType,
            @QueryParam("tag") String tag,
            @QueryParam("q") String text,
            @QueryParam("status") String status,
            @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        AssetSort order = AssetSort.parse(sort);
        AssetCursor after = AssetCursor.decode(Params.text(cursor, "cursor", 1000), order);
        int size = Params.integer(limit, "limit", 1, 200, 50);
        return tenant.get()
                .map(t -> new AssetFilter(
                        t.agencyId(),
                        Params.optionalUuid(modelId, "modelId"),
                        Params.text(folder, "folder", 255),
                        Params.text(mediaType, "mediaType", 32),
                        Params.text(contentType, "contentType", 32),
                        Params.text(tag, "tag", 255),
                        Params.text(text, "q", 200),
                        status(status)))
                .chain(filter -> library.list(filter, order, after, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One asset with its ROI numbers")
    @APIResponse(responseCode = "404", description = "No such asset in this agency")
    public Uni<AssetItem> get(@PathParam("id") String id) {
        UUID assetId = Params.uuid(id, "id");
        return tenant.get()
                .chain(t -> library.get(t.agencyId(), assetId))
                .onItem()
                .ifNull()
                .failWith(NotFound::asset);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Edits the asset's content type and the user's own tags",
            description = "Absent fields are kept. tags replaces the user's tags (trimmed, lower-cased, deduplicated,"
                    + " each 1-50 characters, at most 50); contentType is a slug of 1-32 lower-case letters, digits,"
                    + " '-' or '_'. Sync never changes either.")
    @APIResponse(responseCode = "200", description = "The asset after the edit")
    @APIResponse(responseCode = "400", description = "Invalid tags or content type")
    @APIResponse(responseCode = "404", description = "No such asset in this agency")
    public Uni<AssetItem> patch(@PathParam("id") String id, @Valid @NotNull AssetPatch patch) {
        UUID assetId = Params.uuid(id, "id");
        return tenant.get()
                .chain(t -> library.patch(t.agencyId(), assetId, patch.contentType(), patch.tags()))
                .onItem()
                .ifNull()
                .failWith(NotFound::asset);
    }

    private static String status(String value) {
        String status = Params.text(value, "status", 16);
        if (status == null || status.equals("active")) {
            return "active";
        }
        if (status.equals("removed")) {
            return status;
        }
        if (status.equals("all")) {
            return null;
        }
        throw Params.invalid("status must be one of active, removed, all.");
    }

    /**
     * @param contentType the new content type, or null to keep it
     * @param tags the user's tags, replacing theirs, or null to keep them
     */
    public record AssetPatch(
            @Size(max = 32) String contentType,
            @Size(max = 200) List<String> tags) {}
}
