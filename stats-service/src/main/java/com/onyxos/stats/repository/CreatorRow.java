package com.onyxos.stats.repository;

import com.onyxos.stats.domain.StatField;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A creator with its figures, as the API shows it.
 *
 * @param id the creator
 * @param agencyId its agency
 * @param fanvueUserUuid its Fanvue user
 * @param handle Fanvue handle
 * @param displayName Fanvue display name
 * @param avatarUrl Fanvue avatar
 * @param nickname the agency's name for it
 * @param status active, paused or archived
 * @param seenVia how the last import reached it (agency, self, personal), null before any import
 * @param notListedSince null while Fanvue lists it
 * @param connection active, reauth_required or not_connected: whether a Fanvue connection can read it
 * @param figures every figure, {@link Figure#NEVER} when never fetched
 * @param statsAttemptedAt when a refresh last started
 * @param createdAt when the row was created
 * @param updatedAt when the row last changed
 */
public record CreatorRow(
        UUID id,
        UUID agencyId,
        UUID fanvueUserUuid,
        String handle,
        String displayName,
        String avatarUrl,
        String nickname,
        String status,
        String seenVia,
        Instant notListedSince,
        String connection,
        Map<StatField, Figure> figures,
        Instant statsAttemptedAt,
        Instant createdAt,
        Instant updatedAt) {

    public CreatorRow {
        figures = Map.copyOf(figures);
    }

    public CreatorRef ref() {
        return new CreatorRef(id, agencyId, fanvueUserUuid, handle, status, seenVia);
    }

    public Figure figure(StatField field) {
        return figures.getOrDefault(field, Figure.NEVER);
    }
}
