package com.onyxos.stats.service;

import com.onyxos.common.broker.FanvueNotConnectedException;
import com.onyxos.common.fanvue.model.FanvueCreator;
import com.onyxos.common.fanvue.model.FanvueUser;
import com.onyxos.stats.client.CreatorAccess;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.ConnectionRows;
import com.onyxos.stats.repository.ConnectionRows.ConnectionRef;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.ImportRows;
import com.onyxos.stats.repository.ImportRows.ImportCounts;
import com.onyxos.stats.repository.ImportRows.WrittenCreator;
import com.onyxos.stats.repository.ImportedCreator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports an agency's creators into {@code models}: the agency connection's {@code GET /creators} (every page), its
 * own user when {@code /users/me} says it is a creator, and creators connected only personally. Rows are keyed by
 * (agency, Fanvue user) and written only when something changed; a creator no longer listed keeps its row, status
 * and figures and gets a mark, and only after a complete import. New creators get their first stats refresh.
 */
@ApplicationScoped
public class CreatorImportService {

    private static final Logger LOG = Logger.getLogger(CreatorImportService.class);

    private final CreatorAccess access;
    private final ConnectionRows connections;
    private final ImportRows rows;
    private final StatsCache cache;
    private final StatsRefreshService refreshes;
    private final StatsConfig config;

    public CreatorImportService(
            CreatorAccess access,
            ConnectionRows connections,
            ImportRows rows,
            StatsCache cache,
            StatsRefreshService refreshes,
            StatsConfig config) {
        this.access = access;
        this.connections = connections;
        this.rows = rows;
        this.cache = cache;
        this.refreshes = refreshes;
        this.config = config;
    }

    /** Imports the agency's creators now; answers what it found and wrote. */
    public Uni<ImportResult> importAgency(UUID agencyId, String trigger) {
        return rows.started(agencyId)
                .chain(() -> connections.of(agencyId))
                .chain(known -> agencySource(agencyId, known).map(fromAgency -> merge(fromAgency, known)))
                .chain(found -> write(agencyId, found))
                .call(result -> rows.finished(agencyId, result.counts()))
                .call(() -> cache.invalidateAgency(agencyId))
                .invoke(result -> firstRefresh(result.newCreators(), trigger))
                .onFailure()
                .call(failure ->
                        rows.finished(agencyId, new ImportCounts("failed", 0, 0, 0, 0, List.of(describe(failure)))));
    }

    /** The creators the agency connection reaches: its listing and, if it is one, its own user. */
    private Uni<Found> agencySource(UUID agencyId, List<ConnectionRef> known) {
        return access.agency(agencyId)
                .chain(api -> Uni.combine()
                        .all()
                        .unis(
                                Answer.of(
                                        "GET /creators",
                                        api.agency().creators().collect().asList()),
                                Answer.of("GET /users/me", api.me()))
                        .with(Found::fromAgency))
                .onFailure(FanvueNotConnectedException.class)
                .recoverWithItem(() -> {
                    // Without any agency connection the agency simply reaches no one that way; with one that needs
                    // a new authorization, its listing is unknown and nobody may be marked as no longer listed.
                    boolean waiting = known.stream().anyMatch(c -> c.agency() && !c.live());
                    return new Found(
                            List.of(),
                            waiting ? List.of("the agency connection needs a new authorization") : List.of());
                })
                .onFailure()
                .recoverWithItem(failure -> new Found(List.of(), List.of("token broker: " + describe(failure))));
    }

    /** Adds creators reachable only through a live personal connection; one row per Fanvue user. */
    private static Found merge(Found fromAgency, List<ConnectionRef> known) {
        Map<UUID, ImportedCreator> byUser = new LinkedHashMap<>();
        fromAgency.creators().forEach(creator -> byUser.putIfAbsent(creator.fanvueUserUuid(), creator));
        for (ConnectionRef connection : known) {
            if (!connection.agency() && connection.live()) {
                byUser.putIfAbsent(
                        connection.fanvueUserId(),
                        new ImportedCreator(connection.fanvueUserId(), handleOf(connection), null, null, "personal"));
            }
        }
        return new Found(List.copyOf(byUser.values()), fromAgency.errors());
    }

    private Uni<ImportResult> write(UUID agencyId, Found found) {
        List<UUID> listed =
                found.creators().stream().map(ImportedCreator::fanvueUserUuid).toList();
        return rows.upsert(agencyId, found.creators()).chain(written -> {
            Uni<Integer> unlisted = found.complete()
                    ? rows.markNotListed(agencyId, listed)
                    : Uni.createFrom().item(0);
            return unlisted.map(count -> ImportResult.of(found, written, count));
        });
    }

    private void firstRefresh(List<CreatorRef> created, String trigger) {
        if (created.isEmpty()) {
            return;
        }
        refreshes
                .refreshEach(created, trigger, config.backgroundConcurrency())
                .subscribe()
                .with(
                        done -> {},
                        failure -> LOG.warnf("First refresh of imported creators failed: %s", describe(failure)));
    }

    private static String handleOf(ConnectionRef connection) {
        String handle = connection.fanvueHandle();
        return handle == null || handle.isBlank()
                ? "creator-" + connection.fanvueUserId().toString().substring(0, 8)
                : handle.trim();
    }

    private static String describe(Throwable failure) {
        return Failures.describe(failure);
    }

    /** What the sources gave: creators found and what could not be read. */
    private record Found(List<ImportedCreator> creators, List<String> errors) {

        static Found fromAgency(Answer<List<FanvueCreator>> listing, Answer<FanvueUser> me) {
            List<ImportedCreator> creators = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            if (listing.failure() != null) {
                errors.add("GET /creators: " + listing.failed().detail());
            } else {
                for (FanvueCreator creator : listing.value()) {
                    UUID uuid = uuid(creator.uuid());
                    if (uuid == null
                            || creator.handle() == null
                            || creator.handle().isBlank()) {
                        errors.add("GET /creators: a creator without a usable uuid or handle (" + creator.uuid() + ")");
                    } else {
                        creators.add(new ImportedCreator(
                                uuid, creator.handle().trim(), creator.displayName(), creator.avatarUrl(), "agency"));
                    }
                }
            }
            if (me.failure() != null) {
                errors.add("GET /users/me: " + me.failed().detail());
            } else if (Boolean.TRUE.equals(me.value().isCreator())) {
                UUID uuid = uuid(me.value().uuid());
                if (uuid != null
                        && me.value().handle() != null
                        && !me.value().handle().isBlank()) {
                    creators.add(new ImportedCreator(
                            uuid,
                            me.value().handle().trim(),
                            me.value().displayName(),
                            me.value().avatarUrl(),
                            "self"));
                } else {
                    errors.add("GET /users/me: a creator without a usable uuid or handle");
                }
            }
            return new Found(creators, errors);
        }

        boolean complete() {
            return errors.isEmpty();
        }

        private static UUID uuid(String value) {
            try {
                return value == null ? null : UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * What an import did.
     *
     * @param counts the numbers, as recorded
     * @param newCreators the creators it added
     */
    public record ImportResult(ImportCounts counts, List<CreatorRef> newCreators) {

        static ImportResult of(Found found, List<WrittenCreator> written, int unlisted) {
            int inserted =
                    (int) written.stream().filter(WrittenCreator::inserted).count();
            ImportCounts counts = new ImportCounts(
                    found.complete() ? "succeeded" : "partial",
                    found.creators().size(),
                    inserted,
                    written.size() - inserted,
                    unlisted,
                    found.errors());
            List<CreatorRef> created = written.stream()
                    .filter(WrittenCreator::inserted)
                    .map(WrittenCreator::creator)
                    .toList();
            return new ImportResult(counts, created);
        }
    }
}
