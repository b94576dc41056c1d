package com.onyxos.simulator.oauth;

import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.http.Dispatcher;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** Mounts Fanvue's OAuth server paths ({@code auth.fanvue.com/oauth2/*}) on the simulator's single origin. */
public final class OAuthRoutes {
    private OAuthRoutes() {}

    public static void mount(Router router, Dispatcher dispatcher, SimulatorState state) {
        router.get("/oauth2/auth").handler(dispatcher.handler("/oauth2/auth", new AuthorizeEndpoint(state)));
        router.post("/oauth2/token")
                .handler(BodyHandler.create().setBodyLimit(64 * 1024))
                .handler(dispatcher.handler("/oauth2/token", new TokenEndpoint(state)));
    }
}
