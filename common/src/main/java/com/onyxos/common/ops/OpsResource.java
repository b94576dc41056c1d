package com.onyxos.common.ops;

import com.onyxos.common.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** Operator endpoints every service carries: schema status and runtime log levels. Ops role only. */
@Path("/ops/v1")
@RolesAllowed(Roles.OPS)
@Tag(name = "ops", description = "Operator endpoints (ops role)")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    private final Flyway flyway;
    private final LogLevels logLevels;

    public OpsResource(Flyway flyway, LogLevels logLevels) {
        this.flyway = flyway;
        this.logLevels = logLevels;
    }

    @GET
    @Path("/schema")
    @Blocking // Flyway reads its history over JDBC.
    @Operation(summary = "Applied and pending schema migrations")
    public SchemaStatus schema() {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        return new SchemaStatus(
                current == null ? null : current.getVersion().getVersion(),
                info.applied().length,
                info.pending().length);
    }

    @GET
    @Path("/log-levels/{category}")
    @Operation(summary = "The effective log level of a category")
    public LogLevelState logLevel(@PathParam("category") @Pattern(regexp = LogLevels.CATEGORY) String category) {
        return logLevels.get(category);
    }

    @PUT
    @Path("/log-levels/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a category's log level until the next restart")
    public LogLevelState setLogLevel(
            @PathParam("category") @Pattern(regexp = LogLevels.CATEGORY) String category,
            @Valid @NotNull LogLevelChange change) {
        return logLevels.set(category, change.level());
    }

    /**
     * @param currentVersion version of the last applied migration, null on an empty database
     * @param applied number of applied migrations
     * @param pending number of migrations not yet applied
     */
    public record SchemaStatus(String currentVersion, int applied, int pending) {}

    /** @param level the new level */
    public record LogLevelChange(@NotNull LogLevel level) {}

    /**
     * @param category the logger category
     * @param level its own level, null when inherited
     * @param effectiveLevel the level in force
     */
    public record LogLevelState(String category, LogLevel level, LogLevel effectiveLevel) {}
}
