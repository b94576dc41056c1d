package com.onyxos.simulator;

import com.onyxos.simulator.control.Journal;
import com.onyxos.simulator.faults.Faults;
import com.onyxos.simulator.oauth.TokenStore;
import com.onyxos.simulator.ratelimit.RateLimiter;
import com.onyxos.simulator.world.World;
import com.onyxos.simulator.world.generate.WorldGenerator;
import java.util.function.Supplier;

/**
 * All mutable simulator state behind one coarse lock: handlers hold it for microseconds and never while waiting
 * (latency and timeouts run on Vert.x timers outside it). Read the parts only inside {@link #locked}.
 */
public final class SimulatorState {
    private SimulatorSettings settings;
    private World world;
    private TokenStore tokens;
    private RateLimiter rateLimiter;
    private Faults faults;
    private Journal journal;

    public SimulatorState(SimulatorSettings settings) {
        reset(settings);
    }

    /** Regenerates the world from the settings and forgets tokens, buckets, faults and the journal. */
    public synchronized void reset(SimulatorSettings newSettings) {
        World generated = WorldGenerator.generate(newSettings);
        this.settings = newSettings;
        this.world = generated;
        this.tokens = new TokenStore(newSettings.accessTokenTtl(), newSettings.codeTtl());
        this.rateLimiter = new RateLimiter(
                newSettings.rateLimitCapacity(), newSettings.rateLimitWindow(), newSettings.rateLimitRefill());
        this.faults = new Faults(newSettings.seed());
        this.journal = new Journal();
    }

    public <T> T locked(Supplier<T> work) {
        synchronized (this) {
            return work.get();
        }
    }

    public synchronized SimulatorSettings settings() {
        return settings;
    }

    public World world() {
        return world;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public Faults faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }
}
