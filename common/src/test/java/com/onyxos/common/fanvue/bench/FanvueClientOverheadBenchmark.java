package com.onyxos.common.fanvue.bench;

import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueClientSettings;
import com.onyxos.common.fanvue.FanvueCredentials;
import com.onyxos.common.fanvue.FanvueTokenProvider;
import com.onyxos.common.fanvue.MediaQuery;
import com.onyxos.common.fanvue.model.FanvueMedia;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the Fanvue client adds per 50-item page on top of the network: the same page fetched with a bare Vert.x
 * WebClient (bytes only) and through the client (token, pacing, headers, JSON decoding into records, pagination),
 * sequentially, from a loopback server that answers a fixed page instantly.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl common exec:java
 * -Dexec.mainClass=com.onyxos.common.fanvue.bench.FanvueClientOverheadBenchmark -Dexec.classpathScope=test}
 */
public final class FanvueClientOverheadBenchmark {

    private static final int WARMUP = 5_000;
    private static final int MEASURED = 20_000;

    private FanvueClientOverheadBenchmark() {}

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        Buffer page = Buffer.buffer(pageOf50());
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-RateLimit-Limit", "1000000000")
                        .putHeader("X-RateLimit-Remaining", "999999999")
                        .endAndForget(page))
                .listenAndAwait(0, "127.0.0.1");
        String base = "http://127.0.0.1:" + server.actualPort();
        WebClient raw = WebClient.create(vertx);
        FanvueClientSettings settings =
                FanvueClientSettings.defaults().withBaseUrls(URI.create(base), URI.create(base));
        FanvueClient client = new FanvueClient(vertx, settings);
        var api = client.api(new FanvueCredentials("bench-user", FanvueTokenProvider.fixed("bench-token")));

        Runnable bare = () -> raw.requestAbs(HttpMethod.GET, base + "/media?page=1&size=50")
                .putHeader("Authorization", "Bearer bench-token")
                .send()
                .await()
                .indefinitely();
        Runnable typed = () -> {
            List<FanvueMedia> media =
                    api.self().media(MediaQuery.ALL).collect().asList().await().indefinitely();
            if (media.size() != 50) {
                throw new IllegalStateException("expected 50 items, got " + media.size());
            }
        };
        System.out.printf(Locale.ROOT, "page body: %,d bytes, 50 media items%n", page.length());
        for (int round = 1; round <= 2; round++) {
            double[] bareTimes = measure(bare);
            double[] clientTimes = measure(typed);
            System.out.printf(
                    Locale.ROOT,
                    "round %d  bare WebClient: mean %.3f ms p50 %.3f p99 %.3f | Fanvue client: mean %.3f ms p50 %.3f"
                            + " p99 %.3f | added per page: mean %.3f ms, p50 %.3f ms%n",
                    round,
                    mean(bareTimes),
                    percentile(bareTimes, 50),
                    percentile(bareTimes, 99),
                    mean(clientTimes),
                    percentile(clientTimes, 50),
                    percentile(clientTimes, 99),
                    mean(clientTimes) - mean(bareTimes),
                    percentile(clientTimes, 50) - percentile(bareTimes, 50));
        }
        client.close();
        raw.close();
        vertx.closeAndAwait();
    }

    private static double[] measure(Runnable fetch) {
        for (int i = 0; i < WARMUP; i++) {
            fetch.run();
        }
        double[] millis = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            fetch.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private static String pageOf50() {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            data.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"uuid\":\"0b6f1c2e-5a4d-4c3b-9a8f-%012d\",\"status\":\"ready\","
                                    + "\"createdAt\":\"2025-06-%02dT10:15:30.000Z\",\"caption\":\"Caption %d\","
                                    + "\"description\":\"A description of media %d\",\"name\":\"IMG_%04d.jpg\","
                                    + "\"mediaType\":\"image\",\"recommendedPrice\":%d,\"tags\":[\"summer\",\"beach\"]}",
                            i,
                            1 + i % 28,
                            i,
                            i,
                            i,
                            500 + i));
        }
        return "{\"data\":[" + data + "],\"pagination\":{\"page\":1,\"size\":50,\"hasMore\":false}}";
    }
}
