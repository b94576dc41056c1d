package com.onyxos.simulator.api;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Typed, validated query parameters; invalid values throw {@link BadRequest}. */
public final class Query {
    private final MultiMap params;

    public Query(MultiMap params) {
        this.params = params;
    }

    public Optional<String> string(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** An integer in [min, max], or the default when absent. */
    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like any out-of-range value
        }
        throw new BadRequest(name + " must be an integer between " + min + " and " + max);
    }

    /** An ISO-8601 date-time with offset ({@code 2026-10-01T00:00:00Z}). */
    public Optional<Instant> instant(String name) {
        return string(name).map(raw -> {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadRequest(name + " must be an ISO-8601 date-time, e.g. 2026-10-01T00:00:00Z");
            }
        });
    }

    public Instant requiredInstant(String name) {
        return instant(name).orElseThrow(() -> new BadRequest(name + " is required"));
    }

    /** Values of a list parameter given as csv, repeated, or with the {@code name[]} form. */
    public List<String> list(String name) {
        return Stream.concat(params.getAll(name).stream(), params.getAll(name + "[]").stream())
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    public ZoneId zone(String name) {
        try {
            return string(name).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        } catch (RuntimeException e) {
            throw new BadRequest(name + " must be an IANA time zone, e.g. Europe/London");
        }
    }

    /** A half-open [startDate, endDate) window; open ends when absent. */
    public Window window() {
        Window window = new Window(
                instant("startDate").orElse(Instant.EPOCH), instant("endDate").orElse(Instant.MAX));
        if (!window.start().isBefore(window.end())) {
            throw new BadRequest("startDate must be before endDate");
        }
        return window;
    }

    /** A half-open time window: start inclusive, end exclusive. */
    public record Window(Instant start, Instant end) {
        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }
}
