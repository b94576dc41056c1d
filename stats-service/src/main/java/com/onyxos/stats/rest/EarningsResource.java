package com.onyxos.stats.rest;

import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.EarningItem;
import com.onyxos.stats.repository.EarningsFilter;
import com.onyxos.stats.repository.EarningsQueries;
import com.onyxos.stats.repository.EarningsQueries.KeysetCursor;
import com.onyxos.stats.service.EarningsReports;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/** Synced earnings: keyset pages, the CSV export (streamed) and the summary (totals, by source, over time). */
@Path("/api")
@Authenticated
@Tag(name = "earnings")
public class EarningsResource {

    private static final int CSV_FETCH = 1000;
    private static final int CSV_ROWS_PER_CHUNK = 500;

    private final Scopes scopes;
    private final EarningsQueries earnings;
    private final EarningsReports reports;
    private final CreatorQueries creators;

    public EarningsResource(Scopes scopes, EarningsQueries earnings, EarningsReports reports, CreatorQueries creators) {
        this.scopes = scopes;
        this.earnings = earnings;
        this.reports = reports;
        this.creators = creators;
    }

    @GET
    @Path("/earnings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Synced earnings rows newest first, by keyset pages (creatorId, source, from, to, limit,"
                    + " cursor)")
    public Uni<EarningsPage> list(
            @QueryParam("creatorId") String creatorId,
            @QueryParam("source") String source,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("timezone") String timezone,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int rows = Params.limit(limit, 50, 500);
        KeysetCursor after = Params.cursor(cursor);
        return filter(creatorId, source, from, to, timezone)
                .chain(filter -> earnings.page(filter, after, rows))
                .map(items -> new EarningsPage(
                        items,
                        items.size() < rows
                                ? null
                                : Params.encode(new KeysetCursor(
                                        items.get(items.size() - 1).date(),
                                        items.get(items.size() - 1).id()))));
    }

    @GET
    @Path("/earnings.csv")
    @Produces("text/csv")
    @Operation(summary = "Synced earnings rows as CSV, oldest first, streamed (same filters as the list)")
    public Multi<Buffer> csv(
            @QueryParam("creatorId") String creatorId,
            @QueryParam("source") String source,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("timezone") String timezone) {
        return RestMulti.fromUniResponse(
                filter(creatorId, source, from, to, timezone).chain(filter -> creators.handles(filter.agencyId())
                        .map(handles -> new Export(filter, handles))),
                this::rows,
                export -> Map.of(
                        "Content-Disposition", List.of("attachment; filename=\"earnings.csv\""),
                        "Content-Type", List.of("text/csv; charset=UTF-8")));
    }

    @GET
    @Path("/earnings/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Totals, by source and over time (day, week, month) for a window; refunds and chargebacks"
                    + " both netted and apart")
    public Uni<EarningsReports.Summary> summary(
            @QueryParam("creatorId") String creatorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("timezone") String timezone,
            @QueryParam("granularity") String granularity) {
        String period = Params.granularity(granularity, "day");
        return scopes.window(creatorId, from, to, timezone, Params.DEFAULT_DAYS)
                .chain(window -> reports.summary(window, period));
    }

    private Multi<Buffer> rows(Export export) {
        Multi<Buffer> body = earnings.stream(export.filter(), CSV_FETCH)
                .group()
                .intoLists()
                .of(CSV_ROWS_PER_CHUNK)
                .map(rows -> {
                    StringBuilder out = new StringBuilder(rows.size() * 200);
                    rows.forEach(row -> CsvFormat.row(out, row, export.handles()));
                    return Buffer.buffer(out.toString());
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Buffer.buffer(CsvFormat.HEADER)), body);
    }

    private Uni<EarningsFilter> filter(String creatorId, String source, String from, String to, String timezone) {
        UUID creator = creatorId == null || creatorId.isBlank() ? null : Ids.creatorId(creatorId);
        String sourceName = Params.source(source);
        return scopes.zone(Params.zoneName(timezone)).chain(zone -> {
            Instant[] window = Params.openWindow(from, to, zone);
            return scopes.agency(creator)
                    .map(agency -> new EarningsFilter(agency, creator, sourceName, window[0], window[1]));
        });
    }

    /** What one export writes. */
    private record Export(EarningsFilter filter, Map<UUID, String> handles) {}

    /**
     * @param items rows newest first
     * @param nextCursor the cursor of the next page, null on the last
     */
    public record EarningsPage(List<EarningItem> items, String nextCursor) {}
}
