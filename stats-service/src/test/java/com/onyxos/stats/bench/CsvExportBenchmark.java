package com.onyxos.stats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CSV export ({@code GET /api/earnings.csv}) streams in constant memory (left out of the normal build). One
 * million earnings rows are generated in SQL (10,000 a day over 100 days); the export of 10 days (100,000 rows) and of
 * all 100 days (1,000,000 rows) is read through the API by a fast client and by a slow one that also stalls half way
 * for {@value #STALL_MS} ms, each over a plain socket (the client buffers nothing beyond the kernel, so the heap
 * measured is the service's). The heap is sampled after a forced GC before the export and about every tenth of it —
 * the slow client's stall is sampled at its start and end, when a service that did not wait for the client would
 * have read the rest of the result into memory — and the retained heap above the baseline is printed per export:
 * it must not grow with the row count. Test JVM = application JVM, so the figures are the whole JVM's. Run it:
 * {@code flock /tmp/onyx-maven.lock ./mvnw -B -ntp -pl common,fanvue-simulator,stats-service verify
 * -Dgroups=benchmark -DexcludedGroups= -Dtest=CsvExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class CsvExportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.csv-rows", 1_000_000);
    private static final int DAYS = 100;
    private static final long STALL_MS = 5_000;
    /** The slow client: 16 KiB, then 2 ms of nothing (at most about 8 MB/s). */
    private static final int SLOW_READ = 16 * 1024;

    private static final long SLOW_PAUSE_MS = 2;

    /** A row's size for the sample points, on the high side (measured: about 167 bytes). */
    private static final long ROW_BYTES = 200;

    @Inject
    BackgroundRefresh background;

    @TestHTTPResource("/")
    URL base;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void exportsInConstantMemory() throws Exception {
        StatsWorld world = StatsWorld.connected(1);
        List<UUID> ids = world.importCreators(background);
        generate(world.tenants.agencyA(), ids.get(0));
        List<Export> exports = new ArrayList<>();
        for (boolean slow : new boolean[] {false, true}) {
            exports.add(export(DAYS / 10, ROWS / 10, slow));
            exports.add(export(DAYS, ROWS, slow));
        }
        exports.forEach(Export::print);
        for (Export export : exports) {
            assertThat(export.rows()).as(export.what()).isEqualTo(export.expected());
        }
        // Constant memory: a ten times longer export retains no more than a few MB more, for either client.
        for (int i = 0; i < exports.size(); i += 2) {
            Export small = exports.get(i);
            Export large = exports.get(i + 1);
            assertThat(large.retainedMax() - small.retainedMax())
                    .as(large.what() + " against " + small.what())
                    .isLessThan(32L << 20);
        }
    }

    /** {@code rows} rows, {@code rows / DAYS} a day from 2026-01-01 UTC, 7 sources, every 33rd a refund. */
    private static void generate(UUID agency, UUID creator) {
        long started = System.nanoTime();
        StatsDb.update(
                "insert into fanvue_transactions (id, agency_id, model_id, transaction_order_id, dedup_key,"
                        + " transaction_type, transaction_status, entry_kind, transaction_date, gross_amount,"
                        + " net_amount, currency, fan_id, fan_handle)"
                        + " select gen_random_uuid(), ?, ?, 'csv-' || g, 'csv-' || g, src, case when refund then"
                        + " 'refunded' else 'completed' end, case when refund then 'refund' else 'sale' end,"
                        + " timestamptz '2026-01-01 00:00:00+00' + g * (interval '1 day' * ? / ?),"
                        + " case when refund then -gross else gross end,"
                        + " case when refund then -gross * 8 / 10 else gross * 8 / 10 end, 'USD',"
                        + " md5(?::text || (g % 500))::uuid, case when g % 97 = 0 then '=fan, \"' || g || '\"'"
                        + " else 'fan' || (g % 500) end"
                        + " from (select g, g % 33 = 0 as refund, (array['subscription', 'renewal', 'message',"
                        + " 'tip', 'post', 'referral', 'mediaLink'])[1 + g % 7] as src,"
                        + " 300 + (g::bigint * 7919) % 9700 as gross from generate_series(0, ? - 1) g) s",
                agency, creator, DAYS, ROWS, creator.toString(), ROWS);
        StatsDb.update("analyze fanvue_transactions");
        System.out.printf(
                "BENCH csv data: %d rows generated in %d s%n",
                StatsDb.count("select count(*) from fanvue_transactions"),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private Export export(int days, int expected, boolean slow) throws IOException, InterruptedException {
        String what = String.format("%,d rows, %s client", expected, slow ? "slow" : "fast");
        String path = "/api/earnings.csv?from=2026-01-01&to=" + day(days);
        long baseline = retained();
        List<Long> samples = new ArrayList<>();
        long sampling = 0;
        long started = System.nanoTime();
        long rows;
        long bytes;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            if (slow) {
                socket.setReceiveBufferSize(64 * 1024);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                            + TestUsers.AGENCY_MEMBER.token() + "\r\nAccept: text/csv\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ChunkedBody body = new ChunkedBody(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            assertThat(body.status()).as(what).isEqualTo(200);
            // A rough size for the sample points: about 200 bytes a row.
            long step = expected * ROW_BYTES / 10;
            long nextSample = step;
            boolean stalled = !slow;
            byte[] buffer = new byte[slow ? SLOW_READ : 64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                if (body.bytes() >= nextSample) {
                    long t = System.nanoTime();
                    samples.add(retained() - baseline);
                    nextSample += step;
                    sampling += System.nanoTime() - t;
                }
                if (!stalled && body.bytes() >= expected * ROW_BYTES / 2) {
                    stalled = true;
                    long t = System.nanoTime();
                    samples.add(retained() - baseline);
                    Thread.sleep(STALL_MS);
                    samples.add(retained() - baseline);
                    sampling += System.nanoTime() - t;
                }
                if (slow) {
                    Thread.sleep(SLOW_PAUSE_MS);
                }
            }
            rows = body.lines() - 1;
            bytes = body.bytes();
        }
        double seconds = (System.nanoTime() - started - sampling) / 1e9;
        return new Export(what, expected, rows, bytes, seconds, baseline, samples);
    }

    private static String day(int days) {
        return java.time.LocalDate.of(2026, 1, 1).plusDays(days).toString();
    }

    /** Heap used after a forced full collection (twice, so what a first pass only queued for finalizing is gone). */
    private long retained() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * One export.
     *
     * @param samples retained heap above the baseline at every tenth (and at the slow client's stall)
     */
    private record Export(
            String what, long expected, long rows, long bytes, double seconds, long baseline, List<Long> samples) {

        long retainedMax() {
            return samples.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        void print() {
            System.out.printf(
                    "BENCH csv export %s: %,d rows, %d MB in %.1f s (%.0f rows/s, GC samples excluded); heap after"
                            + " GC %d MB before, retained during the export at most %+.1f MB above it (samples MB:"
                            + " %s); max heap %d MB%n",
                    what,
                    rows,
                    bytes / 1_000_000,
                    seconds,
                    rows / seconds,
                    baseline >> 20,
                    retainedMax() / (double) (1 << 20),
                    samples.stream()
                            .map(s -> String.format("%+.1f", s / (double) (1 << 20)))
                            .toList(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20);
        }
    }

    /** An HTTP/1.1 response read off the socket: the status line and headers, then the chunked body's bytes. */
    private static final class ChunkedBody {

        private final InputStream in;
        private final int status;
        private long left;
        private boolean done;
        private long bytes;
        private long lines;

        ChunkedBody(InputStream in) throws IOException {
            this.in = in;
            String statusLine = line();
            this.status = Integer.parseInt(statusLine.split(" ")[1]);
            boolean chunked = false;
            for (String header; !(header = line()).isEmpty(); ) {
                chunked |= header.toLowerCase(java.util.Locale.ROOT).equals("transfer-encoding: chunked");
            }
            if (!chunked) {
                throw new IOException("expected a chunked body: " + statusLine);
            }
        }

        int status() {
            return status;
        }

        long bytes() {
            return bytes;
        }

        long lines() {
            return lines;
        }

        /** Reads body bytes (chunk framing taken off); -1 at the end. */
        int read(byte[] buffer) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = Long.parseLong(line().split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the connection closed inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(); // the CRLF after the chunk
            }
            bytes += n;
            for (int i = 0; i < n; i++) {
                lines += buffer[i] == '\n' ? 1 : 0;
            }
            return n;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("the connection closed inside a line");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
