package com.onyxos.vault.service;

import com.onyxos.vault.repository.AssetItem;
import java.util.List;

/**
 * One page of the asset library.
 *
 * @param items the assets, in the requested order
 * @param nextCursor the cursor of the next page, null on the last page
 */
public record AssetPage(List<AssetItem> items, String nextCursor) {}
