package com.onyxos.stats.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and of the PostgreSQL processes it started (the embedded test database: postmaster and
 * backends are its descendants), read from {@code /proc} (Linux; zeros elsewhere or against an external database).
 * Backends that exit take their time with them; the pool's connections live through a benchmark.
 */
record CpuSplit(double jvmSeconds, double postgresSeconds) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    static CpuSplit now() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double postgres = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .mapToDouble(p -> ticks(p.pid()) / TICKS)
                .sum();
        return new CpuSplit(os.getProcessCpuTime() / 1e9, postgres);
    }

    /** What was spent since {@code before}, as a line: seconds each and PostgreSQL's share. */
    String since(CpuSplit before) {
        double jvm = jvmSeconds - before.jvmSeconds;
        double postgres = postgresSeconds - before.postgresSeconds;
        return String.format(
                "CPU JVM %.1f s, PostgreSQL %.1f s (PostgreSQL %.0f %%)",
                jvm, postgres, 100 * postgres / Math.max(1e-9, jvm + postgres));
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command (in parentheses, which may hold spaces): utime and stime are 14th and 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
