package com.onyxos.simulator.api;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.http.Exchange;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.SimUser;
import com.onyxos.simulator.world.World;

/**
 * An authorized API request: the connected user, the account it reads (its own, or the creator's under
 * {@code /creators/{creatorUserUuid}}), and the world; handlers run under the state lock.
 */
public record ApiRequest(
        SimUser caller, AccountData target, World world, SimulatorSettings settings, Query query, Exchange exchange) {

    public String pathParam(String name) {
        return exchange.pathParam(name);
    }
}
