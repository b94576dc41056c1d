package com.onyxos.vault.service;

import com.onyxos.vault.domain.ContentAsset;
import com.onyxos.vault.repository.ContentAssetRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes the user-owned fields of an asset (content type, user tags). Only those columns are updated
 * ({@code @DynamicUpdate} on the entity), so a concurrent sync's writes to the other columns are never undone.
 */
@ApplicationScoped
public class AssetEditService {

    private final ContentAssetRepository assets;
    private final Clock clock;

    public AssetEditService(ContentAssetRepository assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /**
     * Applies the already normalised edits (null = keep) to the agency's asset.
     *
     * @return the asset, or null when the agency has no such asset
     */
    @WithTransaction
    public Uni<ContentAsset> edit(UUID agencyId, UUID assetId, String contentType, List<String> userTags) {
        return assets.findInAgency(agencyId, assetId)
                .onItem()
                .ifNotNull()
                .invoke(asset -> apply(asset, contentType, userTags));
    }

    private void apply(ContentAsset asset, String contentType, List<String> userTags) {
        boolean changed = false;
        if (contentType != null && !contentType.equals(asset.contentType)) {
            asset.contentType = contentType;
            changed = true;
        }
        String[] tags = userTags == null ? null : userTags.toArray(String[]::new);
        if (tags != null && !Arrays.equals(tags, asset.userTags)) {
            asset.userTags = tags;
            changed = true;
        }
        if (changed) {
            asset.updatedAt = clock.instant();
        }
    }
}
