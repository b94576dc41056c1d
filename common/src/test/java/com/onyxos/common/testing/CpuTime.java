package com.onyxos.common.testing;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * For benchmarks: CPU time used so far by this JVM (the service, the in-process simulator and the benchmark) and by the PostgreSQL
 * processes, in milliseconds: the machine has 2 cores, so a round can use at most 2 × its wall time. Of the JVM's
 * share, {@code jitMs} went to the JIT compilers and {@code gcMs} to garbage collection.
 */
public record CpuTime(long jvmMs, long postgresMs, long jitMs, long gcMs) {

    private static final long TICK_MS = 10; // USER_HZ is 100 on Linux

    public static CpuTime now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
        return new CpuTime(
                os.getProcessCpuTime() / 1_000_000,
                postgres(),
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                gc);
    }

    public CpuTime minus(CpuTime before) {
        return new CpuTime(
                jvmMs - before.jvmMs, postgresMs - before.postgresMs, jitMs - before.jitMs, gcMs - before.gcMs);
    }

    private static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                            .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                            .mapToLong(CpuTime::postgresTicks)
                            .sum()
                    * TICK_MS;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            if (!Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                return 0;
            }
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile
        }
    }
}
