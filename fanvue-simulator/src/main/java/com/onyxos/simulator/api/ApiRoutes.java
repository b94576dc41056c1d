package com.onyxos.simulator.api;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.http.Dispatcher;
import io.vertx.ext.web.Router;
import java.util.List;

/** Every Fanvue API endpoint the simulator serves, mounted behind the gate. */
public final class ApiRoutes {
    private ApiRoutes() {}

    public static List<ApiRoute> all() {
        RouteTable table = new RouteTable();
        UserEndpoints.register(table);
        VaultEndpoints.register(table);
        MediaEndpoints.register(table);
        InsightsEndpoints.register(table);
        AgencyEndpoints.register(table);
        FanEndpoints.register(table);
        ChatEndpoints.register(table);
        TrackingLinkEndpoints.register(table);
        PostEndpoints.register(table);
        return table.routes();
    }

    public static void mount(Router router, Dispatcher dispatcher, SimulatorState state) {
        for (ApiRoute route : all()) {
            router.get(route.vertxPath()).handler(dispatcher.handler(route.template(), new ApiGate(state, route)));
        }
    }
}
