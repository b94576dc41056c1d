package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.TrackingLinkView;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.TrackingLink;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Tracking links, newest first, cursor style with {@code limit}; created-after/before are exclusive bounds. */
final class TrackingLinkEndpoints {
    private TrackingLinkEndpoints() {}

    static void register(RouteTable table) {
        table.both("/tracking-links", TrackingLinkEndpoints::links, "read:tracking_links");
    }

    private static Object links(ApiRequest r) {
        Instant after = r.query().instant("createdAfter").orElse(Instant.MIN);
        Instant before = r.query().instant("createdBefore").orElse(Instant.MAX);
        List<TrackingLink> links = r.target().trackingLinks().stream()
                .filter(l -> l.createdAt().isAfter(after) && l.createdAt().isBefore(before))
                .sorted(Comparator.comparing(TrackingLink::createdAt).reversed().thenComparing(TrackingLink::uuid))
                .toList();
        return Pages.cursor(links, r.query(), "limit", l -> TrackingLinkView.of(l, earnings(r.target(), l)));
    }

    private static TrackingLinkView.Earnings earnings(AccountData account, TrackingLink link) {
        List<Earning> rows = account.earnings().stream()
                .filter(e -> link.uuid().equals(e.trackingLinkUuid()))
                .toList();
        if (rows.isEmpty()) {
            return null;
        }
        return new TrackingLinkView.Earnings(
                rows.stream().mapToLong(Earning::gross).sum(),
                rows.stream().mapToLong(Earning::net).sum());
    }
}
