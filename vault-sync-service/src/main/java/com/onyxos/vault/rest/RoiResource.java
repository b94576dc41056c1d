package com.onyxos.vault.rest;

import com.onyxos.common.security.CurrentTenant;
import com.onyxos.vault.mapping.AssetSort;
import com.onyxos.vault.repository.AssetItem;
import com.onyxos.vault.repository.CreatorRows;
import com.onyxos.vault.repository.FolderStats;
import com.onyxos.vault.service.RoiCalculation;
import com.onyxos.vault.service.RoiService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ROI of the agency's assets (any member): recalculation, best sellers and folder performance. Members may
 * recalculate: it only re-derives numbers from recorded events, is idempotent, and is one statement.
 */
@Path("/api/vault/roi")
@Authenticated
@Tag(name = "roi")
@Produces(MediaType.APPLICATION_JSON)
public class RoiResource {

    private final RoiService roi;
    private final RoiCalculation calculation;
    private final CreatorRows creators;
    private final CurrentTenant tenant;

    public RoiResource(RoiService roi, RoiCalculation calculation, CreatorRows creators, CurrentTenant tenant) {
        this.roi = roi;
        this.calculation = calculation;
        this.creators = creators;
        this.tenant = tenant;
    }

    @POST
    @Path("/calculate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Attributes Fanvue's messages (unless fromFanvue is false), then recomputes performance from"
                    + " every recorded event (the agency's, or one creator's)")
    @APIResponse(
            responseCode = "200",
            description = "rowsChanged: performance rows written (0 when up to date); eventsRecorded: new events"
                    + " from Fanvue; errors: creators whose messages could not be read")
    @APIResponse(responseCode = "404", description = "No such creator in this agency")
    public Uni<RoiCalculation.Result> calculate(@Valid CalculateRequest request) {
        UUID modelId = request == null ? null : Params.optionalUuid(request.modelId(), "modelId");
        boolean fromFanvue = request == null || !Boolean.FALSE.equals(request.fromFanvue());
        return tenant.get()
                .call(t -> modelId == null ? Uni.createFrom().voidItem() : requireCreator(t.agencyId(), modelId))
                .chain(t -> calculation.calculate(t.agencyId(), modelId, fromFanvue));
    }

    @GET
    @Path("/best-sellers")
    @Operation(
            summary = "Best-selling active assets",
            description = "by: revenue (default) or conversion, the other figure then the id breaking ties; only"
                    + " assets sent at least minSends times (default 5); limit 1-100 (default 20).")
    public Uni<Items<AssetItem>> bestSellers(
            @QueryParam("by") String by,
            @QueryParam("minSends") String minSends,
            @QueryParam("limit") String limit,
            @QueryParam("modelId") String modelId) {
        AssetSort order = by == null || by.isBlank() ? AssetSort.REVENUE : AssetSort.parse(by);
        if (order == AssetSort.CREATED) {
            throw Params.invalid("by must be revenue or conversion.");
        }
        int sends = Params.integer(minSends, "minSends", 0, 1_000_000, 5);
        int size = Params.integer(limit, "limit", 1, 100, 20);
        UUID model = Params.optionalUuid(modelId, "modelId");
        return tenant.get()
                .chain(t -> roi.bestSellers(t.agencyId(), model, order, sends, size))
                .map(Items::new);
    }

    @GET
    @Path("/folders")
    @Operation(
            summary = "Performance per vault folder",
            description = "Per fanvue_folder (the folder an asset was first seen in): active asset count, average"
                    + " conversion (assets never sent count as 0), total revenue. Removed assets do not count.")
    public Uni<Items<FolderStats>> folders(@QueryParam("modelId") String modelId) {
        UUID model = Params.optionalUuid(modelId, "modelId");
        return tenant.get().chain(t -> roi.folders(t.agencyId(), model)).map(Items::new);
    }

    private Uni<Void> requireCreator(UUID agencyId, UUID modelId) {
        return creators.find(agencyId, modelId)
                .invoke(creator -> {
                    if (creator == null) {
                        throw NotFound.creator();
                    }
                })
                .replaceWithVoid();
    }

    /** @param modelId one creator to recalculate, or absent for the whole agency */
    public record CalculateRequest(String modelId, Boolean fromFanvue) {}

    /** @param items the rows, best first */
    public record Items<T>(List<T> items) {}
}
