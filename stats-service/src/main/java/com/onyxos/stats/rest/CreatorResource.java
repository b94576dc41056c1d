package com.onyxos.stats.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.CurrentTenant;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.CreatorRow;
import com.onyxos.stats.repository.ImportRows.ImportCounts;
import com.onyxos.stats.service.CreatorEditService;
import com.onyxos.stats.service.CreatorImportService;
import com.onyxos.stats.service.StatsReadService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agency's creators: the list with every creator's figures in one answer, one creator, edits, the import. */
@Path("/api/creators")
@Authenticated
@Tag(name = "creators")
@Produces(MediaType.APPLICATION_JSON)
public class CreatorResource {

    private static final Set<String> STATUSES = Set.of("active", "paused", "archived");

    private final StatsReadService reads;
    private final CreatorEditService edits;
    private final CreatorImportService imports;
    private final CurrentTenant tenant;
    private final StatsConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public CreatorResource(
            StatsReadService reads,
            CreatorEditService edits,
            CreatorImportService imports,
            CurrentTenant tenant,
            StatsConfig config,
            ObjectMapper json,
            Clock clock) {
        this.reads = reads;
        this.edits = edits;
        this.imports = imports;
        this.tenant = tenant;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Every creator of the agency with its figures, by handle (one query)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatorList.class)))
    public Uni<Response> list() {
        return tenant.get()
                .chain(t -> reads.renderedList(t.agencyId(), this::render))
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private byte[] render(List<CreatorRow> rows) {
        Instant staleBefore = staleBefore();
        CreatorList list = new CreatorList(
                rows.stream().map(row -> CreatorView.of(row, staleBefore)).toList());
        try {
            return json.writeValueAsBytes(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("creators could not be rendered", e);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One creator with its figures")
    public Uni<CreatorView> get(@PathParam("id") String id) {
        return tenant.get()
                .chain(t -> reads.creator(t.agencyId(), Ids.creatorId(id)))
                .onItem()
                .ifNull()
                .failWith(Ids::creatorNotFound)
                .map(row -> CreatorView.of(row, staleBefore()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets a creator's status (active, paused, archived) or nickname (admins)")
    public Uni<CreatorView> patch(@PathParam("id") String id, CreatorPatch body) {
        java.util.UUID creatorId = Ids.creatorId(id);
        CreatorPatch patch = validated(body);
        return tenant.admin()
                .chain(t -> edits.edit(
                        t.agencyId(), creatorId, patch.status(), patch.nickname() != null, cleared(patch.nickname())))
                .onItem()
                .ifNull()
                .failWith(Ids::creatorNotFound)
                .map(row -> CreatorView.of(row, staleBefore()));
    }

    @POST
    @Path("/import")
    @Operation(
            summary = "Imports the agency's creators from Fanvue now (listing, connected user, personal connections)")
    public Uni<ImportCounts> importCreators() {
        return tenant.get()
                .chain(t -> imports.importAgency(t.agencyId(), "import"))
                .map(result -> result.counts());
    }

    private Instant staleBefore() {
        return clock.instant().minus(config.staleAfter());
    }

    private static CreatorPatch validated(CreatorPatch patch) {
        if (patch == null || patch.status() == null && patch.nickname() == null) {
            throw invalid("Give status or nickname.");
        }
        if (patch.status() != null && !STATUSES.contains(patch.status())) {
            throw invalid("status must be active, paused or archived.");
        }
        String nickname = patch.nickname();
        if (nickname != null
                && (nickname.trim().length() > 100 || nickname.chars().anyMatch(Character::isISOControl))) {
            throw invalid("nickname must be at most 100 characters without control characters (\"\" clears it).");
        }
        return patch;
    }

    /** A blank nickname clears it. */
    private static String cleared(String nickname) {
        return nickname == null || nickname.isBlank() ? null : nickname.trim();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid_input", "Bad Request", detail);
    }

    /**
     * @param status active, paused or archived; absent keeps it
     * @param nickname the agency's name for the creator; absent keeps it, "" clears it
     */
    public record CreatorPatch(String status, String nickname) {}

    /** @param items every creator of the agency, by handle */
    public record CreatorList(List<CreatorView> items) {}
}
