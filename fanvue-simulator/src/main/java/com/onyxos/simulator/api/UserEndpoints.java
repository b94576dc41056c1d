package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.AccountView;
import com.onyxos.simulator.api.view.CreatorView;
import com.onyxos.simulator.api.view.UserMeView;
import com.onyxos.simulator.world.Agency;
import com.onyxos.simulator.world.SimUser;
import java.util.List;

/** {@code /users/me}, {@code /users/account} (+ creator variant) and the agency's {@code /creators}. */
final class UserEndpoints {
    private UserEndpoints() {}

    static void register(RouteTable table) {
        table.self("/users/me", r -> UserMeView.of(r.caller(), r.target()), "read:self");
        table.self("/users/account", r -> AccountView.of(r.target().user(), r.target()), "read:self");
        table.creator("/account", r -> AccountView.of(r.target().user(), r.target()), "read:self");
        table.self("/creators", UserEndpoints::creators, "read:creator");
    }

    /** The connected agency's creators; an empty page for anyone who administers no agency. */
    private static Object creators(ApiRequest r) {
        List<SimUser> creators =
                r.world().agencyAdministeredBy(r.caller().uuid()).map(Agency::creatorUuids).orElse(List.of()).stream()
                        .map(uuid -> r.world().user(uuid).orElseThrow())
                        .toList();
        return Pages.page(creators, r.query(), CreatorView::of);
    }
}
