package com.onyxos.stats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code wrk} run on loopback (2 threads, {@code connections} connections, one bearer token) and what it
 * printed: requests per second, latency percentiles, non-2xx answers.
 *
 * @param requestsPerSecond wrk's "Requests/sec"
 * @param p50 median latency as wrk prints it (e.g. {@code 5.68ms})
 * @param p99 99th percentile latency as wrk prints it
 * @param non2xx answers that were not 2xx or 3xx
 * @param output wrk's whole output
 */
record Wrk(double requestsPerSecond, String p50, String p99, long non2xx, String output) {

    /** Runs wrk for {@code seconds} against {@code url} with {@code token} and waits for it. */
    static Wrk run(String url, String token, int connections, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-H",
                        "Authorization: Bearer " + token,
                        url)
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> output.append(line).append('\n'));
        }
        assertThat(process.waitFor()).as(output.toString()).isZero();
        String text = output.toString();
        return new Wrk(
                Double.parseDouble(find(text, "Requests/sec:\\s+([0-9.]+)", "0")),
                find(text, "50%\\s+(\\S+)", "?"),
                find(text, "99%\\s+(\\S+)", "?"),
                Long.parseLong(find(text, "Non-2xx or 3xx responses: (\\d+)", "0")),
                text);
    }

    private static String find(String text, String pattern, String otherwise) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
