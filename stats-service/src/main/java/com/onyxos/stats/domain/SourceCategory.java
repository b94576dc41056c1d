package com.onyxos.stats.domain;

import java.util.Map;

/**
 * The golden ratio's split of Fanvue's earnings sources: recurring revenue (what subscribers pay to stay) against
 * transactional revenue (what fans pay per item or gesture, and everything else). Every source Fanvue documents is
 * mapped; a source Fanvue adds later counts as transactional until it is mapped here.
 */
public enum SourceCategory {
    RECURRING,
    TRANSACTIONAL;

    /** Fanvue's documented sources and why each is where it is. */
    public static final Map<String, String> DOCUMENTED = Map.ofEntries(
            Map.entry("subscription", "recurring: a new subscription"),
            Map.entry("renewal", "recurring: a subscription renewed"),
            Map.entry("message", "transactional: a paid message (PPV) unlocked"),
            Map.entry("tip", "transactional: a tip, on a post or in a chat"),
            Map.entry("post", "transactional: a pay-to-view post bought"),
            Map.entry("mediaLink", "transactional: media sold through a link"),
            Map.entry("checkoutLink", "transactional: a checkout link paid"),
            Map.entry("appStore", "transactional: a purchase through an app store"),
            Map.entry("affiliate", "transactional (the rest): affiliate commission"),
            Map.entry("referral", "transactional (the rest): referral payout"),
            Map.entry("giveaway", "transactional (the rest): giveaway entries"));

    /** The category of a source (an unknown source is transactional). */
    public static SourceCategory of(String source) {
        return "subscription".equals(source) || "renewal".equals(source) ? RECURRING : TRANSACTIONAL;
    }

    public String code() {
        return this == RECURRING ? "recurring" : "transactional";
    }
}
