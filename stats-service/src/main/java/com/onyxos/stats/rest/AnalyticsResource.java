package com.onyxos.stats.rest;

import com.onyxos.stats.repository.AnalyticsWindow;
import com.onyxos.stats.service.EarningsReports;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Analytics over synced earnings, in SQL, for the agency or one creator ({@code creatorId}): a half-open window
 * [{@code from}, {@code to}) (dates in {@code timezone}, or ISO date-times; the last 30 local days by default) and
 * an IANA {@code timezone} (UTC by default) that local days, weeks, months and hours are counted in.
 */
@Path("/api/analytics")
@Authenticated
@Tag(name = "analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private final Scopes scopes;
    private final EarningsReports reports;

    public AnalyticsResource(Scopes scopes, EarningsReports reports) {
        this.scopes = scopes;
        this.reports = reports;
    }

    private Uni<AnalyticsWindow> window(WindowQuery query) {
        return scopes.window(query.creatorId, query.from, query.to, query.timezone, Params.DEFAULT_DAYS);
    }

    @GET
    @Path("/earnings-over-time")
    @Operation(summary = "Earnings per local day, week (from Monday) or month, by source")
    public Uni<EarningsReports.OverTime> overTime(
            @BeanParam WindowQuery query, @QueryParam("granularity") String granularity) {
        String period = Params.granularity(granularity, "day");
        return window(query).chain(window -> reports.overTime(window, period));
    }

    @GET
    @Path("/golden-ratio")
    @Operation(summary = "Recurring (subscription + renewal) against transactional (every other source) revenue")
    public Uni<EarningsReports.GoldenRatio> goldenRatio(@BeanParam WindowQuery query) {
        return window(query).chain(reports::goldenRatio);
    }

    @GET
    @Path("/revenue-per-subscriber")
    @Operation(summary = "Revenue per average subscriber, per creator and for the agency")
    public Uni<EarningsReports.PerSubscriber> perSubscriber(@BeanParam WindowQuery query) {
        return window(query).chain(reports::perSubscriber);
    }

    @GET
    @Path("/best-times")
    @Operation(summary = "The best local weekday, hour and date, with the sums per weekday and hour")
    public Uni<EarningsReports.BestTimes> bestTimes(@BeanParam WindowQuery query) {
        return window(query).chain(reports::bestTimes);
    }

    @GET
    @Path("/creators")
    @Operation(
            summary = "Every creator side by side: earnings, share, golden ratio, subscribers, revenue per subscriber")
    public Uni<EarningsReports.CreatorComparison> creators(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timezone") String timezone) {
        return scopes.window(null, from, to, timezone, Params.DEFAULT_DAYS).chain(reports::creators);
    }
}
