package com.onyxos.simulator.bench;

import com.onyxos.simulator.FanvueSimulator;
import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.control.TokenRequest;
import com.onyxos.simulator.world.World;
import com.onyxos.simulator.world.generate.WorldGenerator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the simulator's figures: world generation time for 100 creators × 1,000 media × 500 earnings, then
 * requests/s with p50/p99 latency of concurrent keep-alive requests on a page endpoint over loopback. Run with
 *
 * <pre>
 * ./mvnw -B -o -pl fanvue-simulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.onyxos.simulator.bench.SimulatorThroughputBenchmark -Dbench.seconds=30
 * </pre>
 *
 * System properties: {@code bench.seconds} (30), {@code bench.connections} (32), {@code bench.path}
 * ({@code /media?page=1&size=15}).
 */
public final class SimulatorThroughputBenchmark {
    private static final int MAX_SAMPLES = 20_000_000;

    private SimulatorThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        generation();
        throughput(
                Integer.getInteger("bench.seconds", 30),
                Integer.getInteger("bench.connections", 32),
                System.getProperty("bench.path", "/media?page=1&size=15"));
        System.exit(0);
    }

    private static void generation() {
        SimulatorSettings big = SimulatorSettings.defaults()
                .withAgencies(10)
                .withCreatorsPerAgency(10)
                .withMediaPerCreator(1_000)
                .withEarningsPerCreator(500)
                .withFoldersPerCreator(20);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            World world = WorldGenerator.generate(big);
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            long media = world.creatorAccounts().stream()
                    .mapToLong(a -> a.media().size())
                    .sum();
            long earnings = world.creatorAccounts().stream()
                    .mapToLong(a -> a.earnings().size())
                    .sum();
            System.out.printf(
                    "generation run %d: %d creators, %,d media, %,d earnings rows in %,d ms%n",
                    run, world.creators().size(), media, earnings, ms);
        }
    }

    private static void throughput(int seconds, int connections, String path) throws InterruptedException {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withRateLimitCapacity(1_000_000_000)
                .withRateLimitWindow(Duration.ofSeconds(1));
        try (FanvueSimulator sim = FanvueSimulator.start(settings)) {
            String creator = sim.world().creators().get(0).uuid();
            String token = sim.control()
                    .issueToken(TokenRequest.of(creator, List.of("read:media", "read:self", "read:insights")))
                    .accessToken();
            Vertx vertx = Vertx.vertx();
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(connections));
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost("127.0.0.1")
                    .setPort(sim.port())
                    .setURI(path)
                    .putHeader("X-Fanvue-API-Version", "2025-06-26")
                    .putHeader("Authorization", "Bearer " + token);
            Load warmup = new Load(client, request, connections, 0);
            warmup.run(Math.min(5, seconds));
            Load load = new Load(client, request, connections, MAX_SAMPLES);
            load.run(seconds);
            load.print(seconds, connections, path);
            vertx.close();
        }
    }

    /** Keeps {@code connections} requests in flight until stopped, recording each latency. */
    private static final class Load {
        private final HttpClient client;
        private final RequestOptions request;
        private final int concurrency;
        private final long[] samples;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong errors = new AtomicLong();
        private volatile boolean running = true;
        private CountDownLatch done;

        Load(HttpClient client, RequestOptions request, int concurrency, int maxSamples) {
            this.client = client;
            this.request = request;
            this.concurrency = concurrency;
            this.samples = new long[maxSamples];
        }

        void run(int seconds) throws InterruptedException {
            done = new CountDownLatch(concurrency);
            for (int i = 0; i < concurrency; i++) {
                fire();
            }
            Thread.sleep(seconds * 1000L);
            running = false;
            done.await(30, TimeUnit.SECONDS);
        }

        private void fire() {
            long start = System.nanoTime();
            client.request(request)
                    .compose(req -> req.send().compose(resp -> resp.body().map(body -> resp.statusCode())))
                    .onComplete(result -> {
                        int n = count.getAndIncrement();
                        if (n < samples.length) {
                            samples[n] = System.nanoTime() - start;
                        }
                        if (result.failed() || result.result() != 200) {
                            errors.incrementAndGet();
                        }
                        if (running) {
                            fire();
                        } else {
                            done.countDown();
                        }
                    });
        }

        void print(int seconds, int connections, String path) {
            int n = Math.min(count.get(), samples.length);
            long[] sorted = Arrays.copyOf(samples, n);
            Arrays.sort(sorted);
            System.out.printf(
                    "throughput %s, %d keep-alive connections, %d s: %,d requests, %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
                    path,
                    connections,
                    seconds,
                    count.get(),
                    count.get() / (double) seconds,
                    sorted[n / 2] / 1e6,
                    sorted[(int) (n * 0.99)] / 1e6,
                    errors.get());
        }
    }
}
