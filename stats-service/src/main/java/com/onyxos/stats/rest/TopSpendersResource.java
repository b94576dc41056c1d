package com.onyxos.stats.rest;

import com.onyxos.stats.repository.EarningsSyncState;
import com.onyxos.stats.repository.TopSpenderRows;
import com.onyxos.stats.service.TopSpenderSync;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Top spenders from Fanvue's listing, per creator or agency-wide (a fan's spend summed over the agency's creators),
 * all time or the last 30 days, each beside what our synced earnings say about the same fan and window.
 */
@Path("/api/top-spenders")
@Authenticated
@Tag(name = "top spenders")
@Produces(MediaType.APPLICATION_JSON)
public class TopSpendersResource {

    private final Scopes scopes;
    private final TopSpenderRows spenders;
    private final EarningsSyncState sync;

    public TopSpendersResource(Scopes scopes, TopSpenderRows spenders, EarningsSyncState sync) {
        this.scopes = scopes;
        this.spenders = spenders;
        this.sync = sync;
    }

    @GET
    @Operation(summary = "Top spenders (window all_time or 30d), per creator or agency-wide, cross-checked")
    public Uni<TopSpenders> list(
            @QueryParam("creatorId") String creatorId,
            @QueryParam("window") String window,
            @QueryParam("limit") String limit) {
        UUID creator = creatorId == null || creatorId.isBlank() ? null : Ids.creatorId(creatorId);
        String period = period(window);
        int rows = Params.limit(limit, 50, 50);
        return scopes.agency(creator)
                .chain(agency -> creator == null
                        ? spenders.ofAgency(agency, period, rows).map(list -> TopSpenders.ofAgency(period, list))
                        : spenders.ofCreator(agency, creator, period, rows).chain(list -> sync.position(creator)
                                .map(position -> TopSpenders.ofCreator(
                                        creator,
                                        period,
                                        list,
                                        position == null || !position.backfilled() ? null : position))));
    }

    private static String period(String value) {
        if (value == null || value.isBlank() || value.equals(TopSpenderSync.ALL_TIME)) {
            return TopSpenderSync.ALL_TIME;
        }
        if (value.equals(TopSpenderSync.RECENT)) {
            return TopSpenderSync.RECENT;
        }
        throw Params.invalid("window must be all_time or 30d.");
    }

    /**
     * @param creatorId the creator, null agency-wide
     * @param window all_time or 30d
     * @param earningsCoveredFrom where the creator's synced earnings start (the all-time cross-check covers only
     *     that); null when they cover its whole history or were never synced
     * @param earningsSynced whether the creator's earnings have been synced (agency-wide: null)
     * @param items highest first
     */
    public record TopSpenders(
            UUID creatorId, String window, Instant earningsCoveredFrom, Boolean earningsSynced, List<Spender> items) {

        static TopSpenders ofCreator(
                UUID creator,
                String window,
                List<TopSpenderRows.StoredSpender> rows,
                EarningsSyncState.SyncPosition p) {
            return new TopSpenders(
                    creator,
                    window,
                    p == null ? null : p.coveredFrom(),
                    p != null,
                    rows.stream()
                            .map(r -> new Spender(
                                    r.rank(),
                                    r.fanUuid(),
                                    r.fanHandle(),
                                    r.fanDisplayName(),
                                    r.gross(),
                                    r.net(),
                                    r.messages(),
                                    r.syncedGross(),
                                    r.syncedNet(),
                                    Objects.equals(r.syncedGross(), r.gross())
                                            && Objects.equals(r.syncedNet(), r.net()),
                                    1,
                                    r.refreshedAt()))
                            .toList());
        }

        static TopSpenders ofAgency(String window, List<TopSpenderRows.AgencySpender> rows) {
            List<Spender> items = new java.util.ArrayList<>();
            for (TopSpenderRows.AgencySpender r : rows) {
                items.add(new Spender(
                        items.size() + 1,
                        r.fanUuid(),
                        r.fanHandle(),
                        r.fanDisplayName(),
                        r.gross(),
                        r.net(),
                        r.messages(),
                        r.syncedGross(),
                        r.syncedNet(),
                        Objects.equals(r.syncedGross(), r.gross()) && Objects.equals(r.syncedNet(), r.net()),
                        r.creators(),
                        r.refreshedAt()));
            }
            return new TopSpenders(null, window, null, null, items);
        }
    }

    /**
     * @param rank position (per creator: Fanvue's; agency-wide: by summed gross)
     * @param fanUuid the fan
     * @param handle the fan's handle
     * @param displayName display name
     * @param gross what Fanvue says the fan spent, gross (minor units)
     * @param net net
     * @param messages messages bought, null when Fanvue did not say
     * @param syncedGross the fan's synced earnings in the same window, gross
     * @param syncedNet net
     * @param reconciled whether synced earnings equal Fanvue's figures
     * @param creators creators whose top spenders the fan is among
     * @param refreshedAt when Fanvue's listing last said so
     */
    public record Spender(
            Integer rank,
            UUID fanUuid,
            String handle,
            String displayName,
            long gross,
            long net,
            Long messages,
            Long syncedGross,
            Long syncedNet,
            boolean reconciled,
            int creators,
            Instant refreshedAt) {}
}
