package com.onyxos.vault.rest;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.CurrentTenant;
import com.onyxos.vault.repository.AssetEventRepository.NewEvent;
import com.onyxos.vault.repository.EventItem;
import com.onyxos.vault.repository.Performance;
import com.onyxos.vault.service.AssetEventService;
import com.onyxos.vault.service.RecordedEvent;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Sends and unlocks of an asset reported by the dashboard's send flow (any member); they feed the asset's ROI. */
@Path("/api/vault/assets/{id}/events")
@Authenticated
@Tag(name = "roi")
@Produces(MediaType.APPLICATION_JSON)
public class AssetEventResource {

    /** Most revenue one unlock may report, in minor units (10 million in major units). */
    static final String MAX_REVENUE = "1000000000";

    // Clocks disagree a little; an event much further in the future is a client bug.
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final AssetEventService events;
    private final CurrentTenant tenant;
    private final Clock clock;

    public AssetEventResource(AssetEventService events, CurrentTenant tenant, Clock clock) {
        this.events = events;
        this.tenant = tenant;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reports a send or an unlock of the asset",
            description = "Idempotent per (asset, messageUuid, type): a repeat changes nothing and answers 200 with"
                    + " the event recorded first. revenue (minor units) is for unlocks only; at defaults to now.")
    @APIResponse(responseCode = "201", description = "Recorded; the asset's performance is updated")
    @APIResponse(responseCode = "200", description = "Already recorded; nothing changed")
    @APIResponse(responseCode = "400", description = "Unknown type, negative revenue, revenue on a send...")
    @APIResponse(responseCode = "404", description = "No such asset in this agency")
    public Uni<RestResponse<EventResponse>> report(@PathParam("id") String id, @Valid @NotNull EventReport report) {
        NewEvent event = event(Params.uuid(id, "id"), report);
        return tenant.get()
                .chain(t -> events.record(t.agencyId(), event))
                .onItem()
                .ifNull()
                .failWith(NotFound::asset)
                .map(AssetEventResource::response);
    }

    private NewEvent event(UUID assetId, EventReport report) {
        long revenue = report.revenue() == null ? 0 : report.revenue().longValueExact();
        if ("sent".equals(report.type()) && revenue != 0) {
            throw invalid("revenue is only for unlocked events.");
        }
        Instant now = clock.instant();
        Instant at = report.at() == null ? now : report.at();
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw invalid("at must not be in the future.");
        }
        return new NewEvent(
                assetId,
                report.type(),
                "dashboard",
                report.messageUuid().strip(),
                revenue,
                at.atOffset(ZoneOffset.UTC));
    }

    private static RestResponse<EventResponse> response(RecordedEvent recorded) {
        EventResponse body = new EventResponse(recorded.event(), recorded.performance());
        return recorded.created() ? RestResponse.status(RestResponse.Status.CREATED, body) : RestResponse.ok(body);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid_input", "Bad Request", detail);
    }

    /**
     * @param type sent or unlocked
     * @param revenue what the unlock earned, in whole minor units up to 1,000,000,000 (absent or 0 for sends); a
     *     decimal type so that 1.5 is refused rather than truncated
     * @param messageUuid the message that carried the asset
     * @param at when it happened (default: now)
     */
    public record EventReport(
            @NotNull @Pattern(regexp = "sent|unlocked") String type,

            @PositiveOrZero @DecimalMax(MAX_REVENUE) @Digits(integer = 10, fraction = 0)
            BigDecimal revenue,

            @NotBlank @Size(max = 255) String messageUuid,
            Instant at) {}

    /**
     * @param event the recorded event
     * @param performance the asset's ROI numbers afterwards
     */
    public record EventResponse(EventItem event, Performance performance) {}
}
