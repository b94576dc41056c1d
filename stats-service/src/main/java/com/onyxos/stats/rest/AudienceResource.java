package com.onyxos.stats.rest;

import com.onyxos.stats.repository.AudienceRows;
import com.onyxos.stats.repository.AudienceRows.AudienceDay;
import com.onyxos.stats.repository.CreatorQueries;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Audience per day: subscribers, new and cancelled, net growth and followers, per creator and agency-wide. */
@Path("/api/audience")
@Authenticated
@Tag(name = "audience")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    private final Scopes scopes;
    private final AudienceRows audience;
    private final CreatorQueries creators;

    public AudienceResource(Scopes scopes, AudienceRows audience, CreatorQueries creators) {
        this.scopes = scopes;
        this.audience = audience;
        this.creators = creators;
    }

    @GET
    @Operation(summary = "Subscribers (total, new, cancelled, growth) and followers per day in [from, to)")
    public Uni<Audience> audience(
            @QueryParam("creatorId") String creatorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("timezone") String timezone) {
        return scopes.window(creatorId, from, to, timezone, Params.DEFAULT_DAYS)
                .chain(w -> audience.days(w.agencyId(), w.creatorId(), w.firstDate(), w.endDate())
                        .chain(days -> creators.handles(w.agencyId())
                                .map(handles -> Audience.of(w.firstDate(), w.endDate(), days, handles))));
    }

    /**
     * @param from first date
     * @param to the date after the last
     * @param agency the agency's days: sums over the creators that have the day
     * @param creators per creator
     */
    public record Audience(LocalDate from, LocalDate to, List<Day> agency, List<CreatorDays> creators) {

        static Audience of(LocalDate from, LocalDate to, List<AudienceDay> days, Map<UUID, String> handles) {
            Map<UUID, List<Day>> byCreator = new LinkedHashMap<>();
            Map<LocalDate, long[]> agency = new TreeMap<>();
            for (AudienceDay d : days) {
                byCreator.computeIfAbsent(d.creatorId(), k -> new ArrayList<>()).add(Day.of(d));
                long[] sums = agency.computeIfAbsent(d.date(), k -> new long[6]);
                if (d.subscribers() != null) {
                    sums[0] += d.subscribers();
                    sums[1] += d.added();
                    sums[2] += d.cancelled();
                    sums[3]++;
                }
                if (d.followers() != null) {
                    sums[4] += d.followers();
                    sums[5]++;
                }
            }
            List<Day> agencyDays = new ArrayList<>();
            agency.forEach((date, s) -> agencyDays.add(new Day(
                    date,
                    s[3] == 0 ? null : s[0],
                    s[3] == 0 ? null : s[1],
                    s[3] == 0 ? null : s[2],
                    s[3] == 0 ? null : s[1] - s[2],
                    s[5] == 0 ? null : s[4],
                    (int) Math.max(s[3], s[5]))));
            List<CreatorDays> perCreator = new ArrayList<>();
            byCreator.forEach((id, list) -> perCreator.add(new CreatorDays(id, handles.get(id), list)));
            return new Audience(from, to, agencyDays, perCreator);
        }
    }

    /**
     * @param creatorId the creator
     * @param handle its handle
     * @param days its days, oldest first
     */
    public record CreatorDays(UUID creatorId, String handle, List<Day> days) {}

    /**
     * @param date the day
     * @param subscribers subscribers at its end
     * @param newSubscribers new subscribers
     * @param cancelledSubscribers cancellations
     * @param growth new minus cancelled
     * @param followers followers recorded that day (null when none was)
     * @param creators agency-wide: creators with figures that day (1 per creator)
     */
    public record Day(
            LocalDate date,
            Long subscribers,
            Long newSubscribers,
            Long cancelledSubscribers,
            Long growth,
            Long followers,
            int creators) {

        static Day of(AudienceDay d) {
            return new Day(
                    d.date(),
                    d.subscribers() == null ? null : d.subscribers().longValue(),
                    d.added() == null ? null : d.added().longValue(),
                    d.cancelled() == null ? null : d.cancelled().longValue(),
                    d.subscribers() == null ? null : (long) d.added() - d.cancelled(),
                    d.followers() == null ? null : d.followers().longValue(),
                    1);
        }
    }
}
