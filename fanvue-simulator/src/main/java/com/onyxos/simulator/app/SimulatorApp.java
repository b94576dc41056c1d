package com.onyxos.simulator.app;

import com.onyxos.simulator.FanvueSimulator;
import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.control.SimulatorControl;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** The runnable simulator: mounts the embeddable simulator's routes on Quarkus's HTTP router. */
@ApplicationScoped
public class SimulatorApp {
    private static final Logger LOG = Logger.getLogger(SimulatorApp.class);

    private final SimulatorConfig config;

    public SimulatorApp(SimulatorConfig config) {
        this.config = config;
    }

    void mount(@Observes Router router, Vertx vertx) {
        SimulatorState state = new SimulatorState(config.toSettings());
        SimulatorControl control = new SimulatorControl(state);
        FanvueSimulator.mount(router, vertx, state, control);
        LOG.infof(
                "Fanvue simulator ready: seed %d, demo user %s",
                config.seed(), control.world().demoUser().handle());
    }
}
