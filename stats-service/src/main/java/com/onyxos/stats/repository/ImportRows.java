package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements of a creator import: batch upserts keyed by (agency, Fanvue user) that write nothing when nothing
 * changed, the not-listed mark, and the agency's import state.
 */
@ApplicationScoped
public class ImportRows {

    // Listed creators: Fanvue's profile wins, but a missing display name or avatar never wipes a stored one.
    private static final String UPSERT_LISTED = "insert into models"
            + " (agency_id, fanvue_user_uuid, handle, display_name, avatar_url, seen_via)"
            + " select $1, u, h, d, a, v from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])"
            + " as t(u, h, d, a, v)"
            + " on conflict (agency_id, fanvue_user_uuid) do update set handle = excluded.handle,"
            + " display_name = coalesce(excluded.display_name, models.display_name),"
            + " avatar_url = coalesce(excluded.avatar_url, models.avatar_url),"
            + " seen_via = excluded.seen_via, not_listed_since = null, updated_at = now()"
            + " where (models.handle, models.display_name, models.avatar_url, models.seen_via, models.not_listed_since)"
            + " is distinct from (excluded.handle, coalesce(excluded.display_name, models.display_name),"
            + " coalesce(excluded.avatar_url, models.avatar_url), excluded.seen_via, null::timestamptz)"
            + " returning id, fanvue_user_uuid, handle, status, seen_via, (xmax = 0) as inserted";

    // Creators known only through their personal connection: the connection's handle names a new row; after that
    // the creator's own /users/me (read by the stats refresh) keeps the profile.
    private static final String UPSERT_PERSONAL = "insert into models (agency_id, fanvue_user_uuid, handle, seen_via)"
            + " select $1, u, h, 'personal' from unnest($2::uuid[], $3::text[]) as t(u, h)"
            + " on conflict (agency_id, fanvue_user_uuid) do update set seen_via = excluded.seen_via,"
            + " not_listed_since = null, updated_at = now()"
            + " where (models.seen_via, models.not_listed_since) is distinct from (excluded.seen_via, null::timestamptz)"
            + " returning id, fanvue_user_uuid, handle, status, seen_via, (xmax = 0) as inserted";

    private final Pool pool;

    public ImportRows(Pool pool) {
        this.pool = pool;
    }

    /** Writes the creators found; answers the rows written (inserted or changed), nothing for unchanged ones. */
    public Uni<List<WrittenCreator>> upsert(UUID agencyId, List<ImportedCreator> found) {
        List<ImportedCreator> listed = found.stream().filter(c -> !c.personal()).toList();
        List<ImportedCreator> personal =
                found.stream().filter(ImportedCreator::personal).toList();
        Uni<List<WrittenCreator>> first = listed.isEmpty()
                ? Uni.createFrom().item(List.of())
                : written(
                        UPSERT_LISTED,
                        Tuple.of(
                                agencyId,
                                listed.stream()
                                        .map(ImportedCreator::fanvueUserUuid)
                                        .toArray(UUID[]::new),
                                listed.stream().map(ImportedCreator::handle).toArray(String[]::new),
                                listed.stream()
                                        .map(ImportedCreator::displayName)
                                        .toArray(String[]::new),
                                listed.stream().map(ImportedCreator::avatarUrl).toArray(String[]::new),
                                listed.stream().map(ImportedCreator::seenVia).toArray(String[]::new)));
        return first.chain(fromListed -> personal.isEmpty()
                ? Uni.createFrom().item(fromListed)
                : written(
                                UPSERT_PERSONAL,
                                Tuple.of(
                                        agencyId,
                                        personal.stream()
                                                .map(ImportedCreator::fanvueUserUuid)
                                                .toArray(UUID[]::new),
                                        personal.stream()
                                                .map(ImportedCreator::handle)
                                                .toArray(String[]::new)))
                        .map(fromPersonal -> {
                            List<WrittenCreator> all = new ArrayList<>(fromListed);
                            all.addAll(fromPersonal);
                            return all;
                        }));
    }

    /** Marks the agency's creators that are not in {@code listed} as no longer listed; answers how many. */
    public Uni<Integer> markNotListed(UUID agencyId, List<UUID> listed) {
        return pool.preparedQuery("update models set not_listed_since = now(), updated_at = now()"
                        + " where agency_id = $1 and not_listed_since is null and not (fanvue_user_uuid = any($2))")
                .execute(Tuple.of(agencyId, listed.toArray(UUID[]::new)))
                .map(rows -> rows.rowCount());
    }

    /** Records that an import of the agency starts now (the database's clock, the one connections are dated by). */
    public Uni<Void> started(UUID agencyId) {
        return pool.preparedQuery("insert into stats_agency_imports (agency_id, started_at, status)"
                        + " values ($1, now(), 'running') on conflict (agency_id) do update"
                        + " set started_at = now(), finished_at = null, status = 'running'")
                .execute(Tuple.of(agencyId))
                .replaceWithVoid();
    }

    /** Records how the agency's import ended. */
    public Uni<Void> finished(UUID agencyId, ImportCounts counts) {
        return pool.preparedQuery("update stats_agency_imports set finished_at = now(), status = $2, listed = $3,"
                        + " inserted = $4, updated = $5, unlisted = $6, errors = $7 where agency_id = $1")
                .execute(Tuple.tuple()
                        .addValue(agencyId)
                        .addValue(counts.status())
                        .addValue(counts.listed())
                        .addValue(counts.inserted())
                        .addValue(counts.updated())
                        .addValue(counts.unlisted())
                        .addValue(counts.errors().toArray(String[]::new)))
                .replaceWithVoid();
    }

    private Uni<List<WrittenCreator>> written(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<WrittenCreator> written = new ArrayList<>();
            for (Row row : rows) {
                written.add(new WrittenCreator(
                        new CreatorRef(
                                row.getUUID("id"),
                                (UUID) params.getValue(0),
                                row.getUUID("fanvue_user_uuid"),
                                row.getString("handle"),
                                row.getString("status"),
                                row.getString("seen_via")),
                        row.getBoolean("inserted")));
            }
            return written;
        });
    }

    /**
     * A row an import wrote.
     *
     * @param creator the creator
     * @param inserted true when new, false when changed
     */
    public record WrittenCreator(CreatorRef creator, boolean inserted) {}

    /**
     * How an import ended.
     *
     * @param status succeeded, partial or failed
     * @param listed creators found
     * @param inserted new rows
     * @param updated changed rows
     * @param unlisted creators newly marked as no longer listed
     * @param errors what could not be read
     */
    public record ImportCounts(
            String status, int listed, int inserted, int updated, int unlisted, List<String> errors) {}
}
