package com.onyxos.vault.service;

import com.onyxos.vault.mapping.AssetCursor;
import com.onyxos.vault.mapping.AssetSort;
import com.onyxos.vault.repository.AssetFilter;
import com.onyxos.vault.repository.AssetItem;
import com.onyxos.vault.repository.AssetQueryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The asset library of an agency: keyset-paged listings, single assets and the user's edits. */
@ApplicationScoped
public class AssetLibraryService {

    private final AssetQueryRepository queries;
    private final AssetEditService edits;

    public AssetLibraryService(AssetQueryRepository queries, AssetEditService edits) {
        this.queries = queries;
        this.edits = edits;
    }

    /** A page of assets matching {@code filter} in {@code sort} order, after {@code cursor} (null: from the top). */
    public Uni<AssetPage> list(AssetFilter filter, AssetSort sort, AssetCursor cursor, int limit) {
        // One row more than asked tells whether another page exists without a count.
        return queries.page(filter, sort, cursor, limit + 1).map(items -> page(items, sort, limit));
    }

    /** The agency's asset, or null. */
    public Uni<AssetItem> get(UUID agencyId, UUID assetId) {
        return queries.find(agencyId, assetId);
    }

    /**
     * Applies the user's edits (null = keep; raw values, normalised here by {@link UserEdits}).
     *
     * @return the asset after the edit, or null when the agency has no such asset
     */
    public Uni<AssetItem> patch(UUID agencyId, UUID assetId, String contentType, List<String> tags) {
        String type = contentType == null ? null : UserEdits.contentType(contentType);
        List<String> userTags = tags == null ? null : UserEdits.tags(tags);
        return edits.edit(agencyId, assetId, type, userTags)
                .onItem()
                .ifNotNull()
                .transformToUni(edited -> queries.find(agencyId, assetId));
    }

    private static AssetPage page(List<AssetItem> items, AssetSort sort, int limit) {
        if (items.size() <= limit) {
            return new AssetPage(items, null);
        }
        List<AssetItem> page = items.subList(0, limit);
        AssetItem last = page.get(limit - 1);
        return new AssetPage(List.copyOf(page), new AssetCursor(sort, keyOf(last, sort), last.id()).encode());
    }

    private static Object keyOf(AssetItem item, AssetSort sort) {
        return switch (sort) {
            case CREATED -> item.createdAt().atOffset(ZoneOffset.UTC);
            case REVENUE -> item.performance().totalRevenue();
            case CONVERSION -> item.performance().conversionRate();
        };
    }
}
