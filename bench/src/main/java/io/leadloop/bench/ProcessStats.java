package io.leadloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What each process of the run costs, read from Linux's own accounting: resident memory ({@code VmRSS} in
 * {@code /proc/PID/status}, sampled every second, the peak kept) and CPU time ({@code utime + stime} in
 * {@code /proc/PID/stat}), so a phase can say how many CPU microseconds each process spent per lead.
 */
final class ProcessStats implements AutoCloseable {

    /** Linux's USER_HZ: the unit of utime and stime; 100 on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRssKb = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    ProcessStats() {
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    void watch(String name, long pid) {
        pids.put(name, pid);
    }

    void forget(String name) {
        pids.remove(name);
    }

    private void sample() {
        pids.forEach((name, pid) -> rssKb(pid).ifPresent(kb -> {
            lastRssKb.put(name, kb);
            peakRssKb.merge(name, kb, Math::max);
        }));
    }

    /** Peak and last resident set of every process watched so far, in MiB, in the order they were first seen. */
    Map<String, long[]> rssMib() {
        sample();
        var out = new LinkedHashMap<String, long[]>();
        peakRssKb.keySet().stream().sorted().forEach(name -> out.put(name,
                new long[] {peakRssKb.get(name) / 1024, lastRssKb.getOrDefault(name, 0L) / 1024}));
        return out;
    }

    /** CPU seconds each watched process has used so far; subtract two snapshots to cost a phase. */
    Map<String, Double> cpuSeconds() {
        var out = new LinkedHashMap<String, Double>();
        pids.forEach((name, pid) -> cpuTicks(pid).ifPresent(ticks -> out.put(name, ticks / TICKS_PER_SECOND)));
        return out;
    }

    static OptionalLong rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended, or this is not Linux: no figure rather than a wrong one.
        }
        return OptionalLong.empty();
    }

    static OptionalLong cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces; fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
