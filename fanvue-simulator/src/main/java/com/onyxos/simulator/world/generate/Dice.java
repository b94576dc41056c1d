package com.onyxos.simulator.world.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Seeded randomness for the generators: never the wall clock, never an unseeded source. */
final class Dice {
    private final SplittableRandom random;

    Dice(SplittableRandom random) {
        this.random = random;
    }

    Dice split() {
        return new Dice(random.split());
    }

    /** A version-4 UUID drawn from the seed. */
    String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An instant in [from, to), to the second. */
    Instant instant(Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds(random.nextLong(span));
    }

    /** A price in USD cents, whole dollars from 3 to 50. */
    long price() {
        return between(3, 50) * 100L;
    }

    /** Up to {@code count} distinct items, in random order. */
    <T> List<T> sample(List<T> items, int count) {
        List<T> copy = new ArrayList<>(items);
        int n = Math.min(count, copy.size());
        for (int i = 0; i < n; i++) {
            int j = random.nextInt(i, copy.size());
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return List.copyOf(copy.subList(0, n));
    }
}
