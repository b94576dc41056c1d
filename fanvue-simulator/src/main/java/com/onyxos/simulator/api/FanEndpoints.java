package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.FanView;
import java.util.List;

/** {@code /subscribers} and {@code /followers} (followers exclude active subscribers). */
final class FanEndpoints {
    private FanEndpoints() {}

    static void register(RouteTable table) {
        table.both("/subscribers", r -> fans(r, r.target().subscriberUuids()), "read:fan");
        table.both("/followers", r -> fans(r, r.target().followerUuids()), "read:fan");
    }

    private static Object fans(ApiRequest r, List<String> uuids) {
        return Pages.page(
                uuids, r.query(), uuid -> FanView.of(r.world().user(uuid).orElseThrow(), r.target()));
    }
}
