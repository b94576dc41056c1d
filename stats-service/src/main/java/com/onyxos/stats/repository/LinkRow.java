package com.onyxos.stats.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A tracking link as Fanvue listed it; a null figure is one the answer did not carry (the stored value stays).
 *
 * @param uuid Fanvue's link
 * @param name its name
 * @param url its URL
 * @param platform the social platform it is for
 * @param createdAt when it was created
 * @param clicks clicks
 * @param acquiredSubscribers subscribers it brought
 * @param acquiredFollowers followers it brought
 * @param totalSubscribers subscribers of the link, total
 * @param totalFollowers followers of the link, total
 * @param revenueGross attributed earnings, gross (null: none reported)
 * @param revenueNet attributed earnings, net
 */
public record LinkRow(
        UUID uuid,
        String name,
        String url,
        String platform,
        Instant createdAt,
        Long clicks,
        Integer acquiredSubscribers,
        Integer acquiredFollowers,
        Integer totalSubscribers,
        Integer totalFollowers,
        Long revenueGross,
        Long revenueNet) {}
