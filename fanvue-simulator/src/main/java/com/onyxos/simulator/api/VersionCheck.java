package com.onyxos.simulator.api;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.http.SimResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code X-Fanvue-API-Version} rules: 400 missing/unknown, 410 retired, headers on deprecated versions. */
final class VersionCheck {
    static final String HEADER = "X-Fanvue-API-Version";

    private VersionCheck() {}

    /** The refusal for this version, or null when it is served. */
    static SimResponse refusal(String version, SimulatorSettings settings) {
        if (version == null || version.isBlank()) {
            return SimResponse.error(400, "Bad Request", "Missing required header " + HEADER);
        }
        if (settings.retiredVersions().contains(version)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "Gone");
            body.put("message", "API version " + version + " has been retired");
            body.put("nextVersion", latest(settings));
            return SimResponse.json(410, body);
        }
        if (!settings.supportedVersions().contains(version)
                && !settings.deprecatedVersions().contains(version)) {
            return SimResponse.error(400, "Bad Request", "Unsupported API version " + version);
        }
        return null;
    }

    /** {@code Deprecation}, {@code Sunset} (HTTP-date) and the version to move to, for deprecated versions. */
    static Map<String, String> headers(String version, SimulatorSettings settings) {
        if (!settings.deprecatedVersions().contains(version)) {
            return Map.of();
        }
        return Map.of(
                "Deprecation", "true",
                "Sunset",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                settings.sunset().atZone(ZoneOffset.UTC)),
                "X-Fanvue-API-Next-Version", latest(settings));
    }

    /** Versions are dates, so the greatest supported one is the newest. */
    private static String latest(SimulatorSettings settings) {
        return settings.supportedVersions().stream()
                .max(Comparator.naturalOrder())
                .orElse("");
    }
}
