package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The agency's own edits of a creator: status and nickname (columns neither import nor refresh write). */
@ApplicationScoped
public class CreatorEdits {

    private final Pool pool;

    public CreatorEdits(Pool pool) {
        this.pool = pool;
    }

    /**
     * Sets what is given; answers whether the agency has the creator.
     *
     * @param status the new status, null to keep it
     * @param changeNickname whether to set the nickname
     * @param nickname the new nickname, null to clear it
     */
    public Uni<Boolean> update(UUID agencyId, UUID creatorId, String status, boolean changeNickname, String nickname) {
        return pool.preparedQuery("update models set status = coalesce($3, status),"
                        + " nickname = case when $4 then $5 else nickname end, updated_at = now()"
                        + " where id = $1 and agency_id = $2 and (status, nickname) is distinct from"
                        + " (coalesce($3, status), case when $4 then $5 else nickname end)")
                .execute(Tuple.tuple()
                        .addValue(creatorId)
                        .addValue(agencyId)
                        .addValue(status)
                        .addValue(changeNickname)
                        .addValue(nickname))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(true) : exists(agencyId, creatorId));
    }

    private Uni<Boolean> exists(UUID agencyId, UUID creatorId) {
        return pool.preparedQuery("select 1 from models where id = $1 and agency_id = $2")
                .execute(Tuple.of(creatorId, agencyId))
                .map(rows -> rows.iterator().hasNext());
    }
}
