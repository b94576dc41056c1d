package com.onyxos.stats.rest;

import com.onyxos.stats.repository.CreatorRow;
import java.time.Instant;
import java.util.UUID;

/**
 * A creator of the agency with its figures.
 *
 * @param id the creator ({@code modelId} in the vault API)
 * @param fanvueUserUuid its Fanvue user
 * @param handle Fanvue handle
 * @param displayName Fanvue display name
 * @param avatarUrl Fanvue avatar
 * @param nickname the agency's own name for it
 * @param status active, paused or archived (only active creators are synced)
 * @param seenVia how the last import reached it: agency, self or personal
 * @param listed false once an import no longer found it on Fanvue (the row and its figures stay)
 * @param notListedSince since when it is no longer listed
 * @param stats its figures
 * @param createdAt when it was first imported
 * @param updatedAt when its row last changed
 */
public record CreatorView(
        UUID id,
        UUID fanvueUserUuid,
        String handle,
        String displayName,
        String avatarUrl,
        String nickname,
        String status,
        String seenVia,
        boolean listed,
        Instant notListedSince,
        StatsView stats,
        Instant createdAt,
        Instant updatedAt) {

    public static CreatorView of(CreatorRow row, Instant staleBefore) {
        return new CreatorView(
                row.id(),
                row.fanvueUserUuid(),
                row.handle(),
                row.displayName(),
                row.avatarUrl(),
                row.nickname(),
                row.status(),
                row.seenVia(),
                row.notListedSince() == null,
                row.notListedSince(),
                StatsView.of(row, staleBefore),
                row.createdAt(),
                row.updatedAt());
    }
}
