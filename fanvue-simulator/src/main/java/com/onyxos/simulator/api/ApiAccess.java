package com.onyxos.simulator.api;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.http.Exchange;
import com.onyxos.simulator.http.SimResponse;
import com.onyxos.simulator.oauth.Grant;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.AccountStatus;
import com.onyxos.simulator.world.Agency;
import com.onyxos.simulator.world.SimUser;
import com.onyxos.simulator.world.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scope and creator-access checks, then the handler; its exceptions become Fanvue's 400 and 404 bodies. */
final class ApiAccess {
    private final SimulatorState state;
    private final ApiRoute route;

    ApiAccess(SimulatorState state, ApiRoute route) {
        this.state = state;
        this.route = route;
    }

    SimResponse answer(Exchange ex, Grant grant, String creatorUuid) {
        List<String> missing =
                route.scopes().stream().filter(s -> !grant.scopes().contains(s)).toList();
        if (!missing.isEmpty()) {
            return SimResponse.errorOnly(403, "Missing required scope: " + String.join(" ", missing));
        }
        World world = state.world();
        Optional<SimUser> caller = world.user(grant.userUuid());
        if (caller.isEmpty()) {
            return SimResponse.errorOnly(401, "Unknown user");
        }
        AccountData target;
        if (creatorUuid != null) {
            Optional<Agency> agency = world.agencyAdministeredBy(caller.get().uuid());
            if (agency.isEmpty()) {
                return SimResponse.errorOnly(403, "Only agency admins can access creator resources");
            }
            if (!agency.get().manages(creatorUuid)) {
                return SimResponse.message(404, "Creator not found");
            }
            target = world.account(creatorUuid).orElseThrow();
        } else {
            target = world.account(caller.get().uuid()).orElseGet(() -> emptyAccount(caller.get()));
        }
        try {
            Object body = route.handler()
                    .handle(new ApiRequest(
                            caller.get(),
                            target,
                            world,
                            state.settings(),
                            new Query(ex.context().queryParams()),
                            ex));
            return body instanceof SimResponse response ? response : SimResponse.ok(body);
        } catch (BadRequest e) {
            return SimResponse.json(400, Map.of("errors", List.of(e.getMessage())));
        } catch (NotFound e) {
            return SimResponse.message(404, e.getMessage());
        }
    }

    /** Fans have no account data of their own; they read an empty one. */
    private static AccountData emptyAccount(SimUser user) {
        return new AccountData(user, new AccountStatus("active", 0, null));
    }
}
