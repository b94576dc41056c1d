package com.onyxos.simulator;

import com.onyxos.simulator.api.ApiRoutes;
import com.onyxos.simulator.control.ControlRoutes;
import com.onyxos.simulator.control.SimulatorControl;
import com.onyxos.simulator.http.Dispatcher;
import com.onyxos.simulator.http.SimResponse;
import com.onyxos.simulator.oauth.OAuthRoutes;
import com.onyxos.simulator.world.World;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Fanvue simulator embedded in a test: one origin serving Fanvue's API paths, its {@code /oauth2/*} paths and the
 * admin API under {@code /_simulator}.
 *
 * <pre>{@code
 * try (FanvueSimulator sim = FanvueSimulator.start(SimulatorSettings.defaults().withSeed(7))) {
 *     String base = sim.baseUrl(); // http://127.0.0.1:<port>
 *     String admin = sim.world().agencies().get(0).admin().uuid();
 *     sim.control().issueToken(TokenRequest.of(admin, List.of("read:creator")));
 * }
 * }</pre>
 */
public final class FanvueSimulator implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final SimulatorState state;
    private final SimulatorControl control;
    private final String deploymentId;
    private final int port;
    private final String baseUrl;

    private FanvueSimulator(
            Vertx vertx,
            boolean ownsVertx,
            SimulatorState state,
            SimulatorControl control,
            String deploymentId,
            String host,
            int port) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.state = state;
        this.control = control;
        this.deploymentId = deploymentId;
        this.port = port;
        this.baseUrl = "http://" + host + ":" + port;
    }

    /** Starts on its own Vert.x instance, closed with the simulator. */
    public static FanvueSimulator start(SimulatorSettings settings) {
        return start(Vertx.vertx(), true, settings);
    }

    /** Starts on the caller's Vert.x instance, which {@link #close()} leaves running. */
    public static FanvueSimulator start(Vertx vertx, SimulatorSettings settings) {
        return start(vertx, false, settings);
    }

    private static FanvueSimulator start(Vertx vertx, boolean ownsVertx, SimulatorSettings settings) {
        SimulatorState state = new SimulatorState(settings);
        SimulatorControl control = new SimulatorControl(state);
        Router router = router(vertx, state, control);
        HttpServerOptions options =
                new HttpServerOptions().setHost(settings.host()).setTcpNoDelay(true);
        // One server per event loop, all on one port (Vert.x shares it and spreads the connections); the port is
        // resolved first because servers share a port only when they ask for the same number.
        int port = settings.port() == 0 ? freePort(settings.host()) : settings.port();
        DeploymentOptions deployment = new DeploymentOptions().setInstances(settings.serverInstances());
        String deploymentId = await(vertx.deployVerticle(() -> new ServerVerticle(router, options, port), deployment));
        return new FanvueSimulator(vertx, ownsVertx, state, control, deploymentId, settings.host(), port);
    }

    /** A router serving the whole simulator, for an application that runs its own HTTP server. */
    public static Router router(Vertx vertx, SimulatorState state, SimulatorControl control) {
        Router router = Router.router(vertx);
        mount(router, vertx, state, control);
        return router;
    }

    /**
     * Adds the simulator's routes to an existing router (the Quarkus app's), ending with Fanvue's 404
     * {@code {"message":"Not Found"}} for any path nothing else answered.
     */
    public static void mount(Router router, Vertx vertx, SimulatorState state, SimulatorControl control) {
        Dispatcher dispatcher = new Dispatcher(vertx, state);
        ControlRoutes.mount(router, control);
        OAuthRoutes.mount(router, dispatcher, state);
        ApiRoutes.mount(router, dispatcher, state);
        router.route().last().handler(dispatcher.handler(null, ex -> SimResponse.message(404, "Not Found")));
    }

    /** {@code http://<host>:<port>}: both the API base URL and the OAuth server's. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    /** The live world. Read it between requests (it changes only through the control's mutations and resets). */
    public World world() {
        return state.locked(state::world);
    }

    public SimulatorControl control() {
        return control;
    }

    @Override
    public void close() {
        await(vertx.undeploy(deploymentId));
        if (ownsVertx) {
            await(vertx.close());
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("simulator failed to start or stop", e);
        }
    }
}
