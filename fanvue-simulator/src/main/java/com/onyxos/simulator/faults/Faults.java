package com.onyxos.simulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The active fault rules and global latency. Not thread-safe: used under the state lock. */
public final class Faults {
    private final List<ActiveRule> rules = new ArrayList<>();
    private final SplittableRandom random;
    private Latency latency = Latency.NONE;
    private int nextId = 1;

    public Faults(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public FaultRule add(FaultRule rule) {
        FaultRule withId = rule.withId("f" + nextId++);
        rules.add(new ActiveRule(withId, new PathGlob(rule.path()), rule.count() == null ? -1 : rule.count()));
        return withId;
    }

    public boolean remove(String id) {
        return rules.removeIf(r -> r.rule.id().equals(id));
    }

    public void clear() {
        rules.clear();
        latency = Latency.NONE;
    }

    /** The rules with their remaining counts. */
    public List<FaultRule> rules() {
        return rules.stream()
                .map(r -> r.remaining < 0 ? r.rule : r.rule.withCount(r.remaining))
                .toList();
    }

    public void latency(Latency latency) {
        this.latency = latency;
    }

    public long latencyMs() {
        return latency.fixedMs() + (latency.randomMs() > 0 ? random.nextLong(latency.randomMs() + 1) : 0);
    }

    /** The first rule that matches and fires for this request, its count decremented; null when none. */
    public FaultRule pick(String method, String path) {
        for (ActiveRule active : rules) {
            FaultRule rule = active.rule;
            boolean methodMatches = rule.method() == null || rule.method().equalsIgnoreCase(method);
            if (active.remaining == 0 || !methodMatches || !active.glob.matches(path)) {
                continue;
            }
            if (rule.probability() != null && random.nextDouble() >= rule.probability()) {
                continue;
            }
            if (active.remaining > 0) {
                active.remaining--;
            }
            return rule;
        }
        return null;
    }

    private static final class ActiveRule {
        final FaultRule rule;
        final PathGlob glob;
        int remaining;

        ActiveRule(FaultRule rule, PathGlob glob, int remaining) {
            this.rule = rule;
            this.glob = glob;
            this.remaining = remaining;
        }
    }
}
