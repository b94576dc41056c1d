package com.onyxos.common.testing;

import static io.restassured.RestAssured.given;

/** The application under test's {@code /q/metrics}, for tests that check a counter moved. */
public final class ServiceMetrics {

    private ServiceMetrics() {}

    /** The value of one Prometheus series (name and labels as printed, e.g. {@code a_total{x="y"}}), 0 if absent. */
    public static double value(String series) {
        return given().get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
