package com.onyxos.stats.repository;

import com.onyxos.stats.domain.StatField;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statements of a figure write, run by the stats writer inside one transaction: the row lock, then one update
 * of the creator, one batch of anomalies and the held values.
 */
@ApplicationScoped
public class StatsRows {

    private static final String LOCK = "select "
            + Stream.of(StatField.values())
                    .map(field -> field.valueColumn() + ", " + field.refreshedColumn())
                    .collect(Collectors.joining(", "))
            + " from models where id = $1 and agency_id = $2 for update";

    private static final String ANOMALIES = "insert into stats_anomalies"
            + " (agency_id, model_id, source, field, kind, stored_value, received_value, detail, occurred_at)"
            + " select $1, $2, s, f, k, st, r, d, $9"
            + " from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as t(s, f, k, st, r, d)";

    private static final String HOLD = "insert into stats_pending_values"
            + " (agency_id, model_id, field, pending_value, source, received_at)"
            + " select $1, $2, f, v, s, $6 from unnest($3::text[], $4::bigint[], $5::text[]) as t(f, v, s)"
            + " on conflict (model_id, field) do update set pending_value = excluded.pending_value,"
            + " source = excluded.source, received_at = excluded.received_at";

    /** Locks the creator's row and reads its figures and held values; null when the creator is gone. */
    public Uni<LockedFigures> lock(SqlClient client, UUID agencyId, UUID modelId) {
        return client.preparedQuery(LOCK).execute(Tuple.of(modelId, agencyId)).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().nullItem();
            }
            Map<StatField, Figure> figures = figures(rows.iterator().next());
            return pending(client, modelId).map(pending -> new LockedFigures(figures, pending));
        });
    }

    /** Applies the changes: nothing is sent for parts that are empty. */
    public Uni<Void> apply(SqlClient client, FigureChanges changes) {
        return update(client, changes)
                .chain(() -> anomalies(client, changes))
                .chain(() -> hold(client, changes))
                .chain(() -> release(client, changes));
    }

    private Uni<Map<StatField, LockedFigures.PendingValue>> pending(SqlClient client, UUID modelId) {
        return client.preparedQuery(
                        "select field, pending_value, received_at from stats_pending_values where model_id = $1")
                .execute(Tuple.of(modelId))
                .map(rows -> {
                    Map<StatField, LockedFigures.PendingValue> pending = new EnumMap<>(StatField.class);
                    for (Row row : rows) {
                        StatField.byApiName(row.getString("field"))
                                .ifPresent(field -> pending.put(
                                        field,
                                        new LockedFigures.PendingValue(
                                                row.getLong("pending_value"),
                                                SqlTimes.instant(row.getValue("received_at")))));
                    }
                    return pending;
                });
    }

    private Uni<Void> update(SqlClient client, FigureChanges changes) {
        List<String> sets = new ArrayList<>();
        Tuple params = Tuple.tuple().addValue(changes.modelId()).addValue(SqlTimes.utc(changes.at()));
        for (StatField field : StatField.values()) {
            Long value = changes.written().get(field);
            if (value == null) {
                continue;
            }
            params.addValue(field.integerColumn() ? (Object) Math.toIntExact(value) : value);
            sets.add(field.valueColumn() + " = $" + params.size());
            sets.add(field.refreshedColumn() + " = $2");
        }
        FigureChanges.ProfileChange profile = changes.profile();
        if (profile != null) {
            params.addValue(profile.handle());
            sets.add("handle = coalesce($" + params.size() + ", handle)");
            params.addValue(profile.displayName());
            sets.add("display_name = coalesce($" + params.size() + ", display_name)");
            params.addValue(profile.avatarUrl());
            sets.add("avatar_url = coalesce($" + params.size() + ", avatar_url)");
        }
        if (sets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("update models set " + String.join(", ", sets) + ", updated_at = $2 where id = $1")
                .execute(params)
                .replaceWithVoid();
    }

    private Uni<Void> anomalies(SqlClient client, FigureChanges changes) {
        List<FigureChanges.AnomalyRow> rows = changes.anomalies();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple params = Tuple.tuple()
                .addValue(changes.agencyId())
                .addValue(changes.modelId())
                .addValue(column(rows, FigureChanges.AnomalyRow::source))
                .addValue(column(rows, FigureChanges.AnomalyRow::field))
                .addValue(column(rows, FigureChanges.AnomalyRow::kind))
                .addValue(column(rows, FigureChanges.AnomalyRow::storedValue))
                .addValue(column(rows, FigureChanges.AnomalyRow::receivedValue))
                .addValue(column(rows, FigureChanges.AnomalyRow::detail))
                .addValue(SqlTimes.utc(changes.at()));
        return client.preparedQuery(ANOMALIES).execute(params).replaceWithVoid();
    }

    private Uni<Void> hold(SqlClient client, FigureChanges changes) {
        if (changes.held().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<StatField, FigureChanges.HeldValue>> held =
                new ArrayList<>(changes.held().entrySet());
        Tuple params = Tuple.tuple()
                .addValue(changes.agencyId())
                .addValue(changes.modelId())
                .addValue(held.stream().map(e -> e.getKey().apiName()).toArray(String[]::new))
                .addValue(held.stream().map(e -> e.getValue().value()).toArray(Long[]::new))
                .addValue(held.stream().map(e -> e.getValue().source()).toArray(String[]::new))
                .addValue(SqlTimes.utc(changes.at()));
        return client.preparedQuery(HOLD).execute(params).replaceWithVoid();
    }

    private Uni<Void> release(SqlClient client, FigureChanges changes) {
        if (changes.released().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] fields = changes.released().stream().map(StatField::apiName).toArray(String[]::new);
        return client.preparedQuery("delete from stats_pending_values where model_id = $1 and field = any($2)")
                .execute(Tuple.of(changes.modelId(), fields))
                .replaceWithVoid();
    }

    /** Every figure of a {@code models} row that selected the figure columns. */
    static Map<StatField, Figure> figures(Row row) {
        Map<StatField, Figure> figures = new EnumMap<>(StatField.class);
        for (StatField field : StatField.values()) {
            Object value = row.getValue(field.valueColumn());
            figures.put(
                    field,
                    new Figure(
                            value == null ? null : ((Number) value).longValue(),
                            SqlTimes.instant(row.getValue(field.refreshedColumn()))));
        }
        return figures;
    }

    private static String[] column(
            List<FigureChanges.AnomalyRow> rows, java.util.function.Function<FigureChanges.AnomalyRow, String> get) {
        return rows.stream().map(get).toArray(String[]::new);
    }
}
