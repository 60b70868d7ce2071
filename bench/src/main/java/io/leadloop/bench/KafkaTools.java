package io.leadloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own performance tools, run as child processes on the broker's jars: what the broker on this machine
 * takes when nothing of ours is in the way. Their output is parsed, not reimplemented, so the ceilings are the
 * numbers anyone would get with {@code kafka-producer-perf-test.sh} and friends.
 */
final class KafkaTools {

    record ProducerCeiling(long records, double recordsPerSecond, double p50Ms, double p99Ms, double p999Ms) {
    }

    record ConsumerCeiling(long records, double recordsPerSecond) {
    }

    record OneHopLatency(long records, double p50Ms, double p99Ms, double p999Ms) {
    }

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec .*?, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th");
    private static final Pattern END_TO_END = Pattern.compile(
            "Percentiles: 50th = ([\\d.]+), 99th = ([\\d.]+), 99\\.9th = ([\\d.]+)");

    private final List<String> classpath;
    private final Path logs;
    private final List<String> jvmOptions;

    KafkaTools(Path root, Path logs, List<String> jvmOptions) {
        Path tools = root.resolve("bench/target/kafka-tools");
        Path brokerLibs = root.resolve("local-stack/target/kafka-libs");
        if (!Files.isDirectory(tools) || !Files.isDirectory(brokerLibs)) {
            throw new IllegalStateException("Kafka's tools or the broker's jars are not built (" + tools + ", "
                    + brokerLibs + "): run mvn -o -DskipTests package first");
        }
        this.classpath = List.of(tools + "/*", brokerLibs + "/*");
        this.logs = logs;
        this.jvmOptions = jvmOptions;
    }

    /** ProducerPerformance: {@code records} records of {@code size} bytes as fast as possible, acks=all. */
    ProducerCeiling produce(String bootstrap, String topic, long records, int size) throws IOException, InterruptedException {
        String out = run("producer-performance", "org.apache.kafka.tools.ProducerPerformance",
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(size), "--throughput", "-1",
                "--producer-props", "acks=all", "enable.idempotence=true");
        return parseProducer(out);
    }

    /** The last summary line ProducerPerformance prints (the ones before are interval reports). */
    static ProducerCeiling parseProducer(String out) {
        Matcher m = PRODUCER_SUMMARY.matcher(out);
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + out);
        }
        return new ProducerCeiling(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(3)), Double.parseDouble(last.group(5)), Double.parseDouble(last.group(6)));
    }

    /** ConsumerPerformance: reads {@code records} records of the topic from the start, in a fresh group. */
    ConsumerCeiling consume(String bootstrap, String topic, long records, String group) throws IOException, InterruptedException {
        String out = run("consumer-performance", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Long.toString(records),
                "--group", group, "--timeout", "60000");
        return parseConsumer(out);
    }

    /** Header, then one CSV line: start, end, MB, MB/s, nMsg, nMsg/s, rebalance ms, fetch ms, fetch MB/s, fetch nMsg/s. */
    static ConsumerCeiling parseConsumer(String out) {
        String[] lines = out.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String[] f = lines[i].split(",\\s*");
            if (f.length >= 10 && f[4].strip().matches("\\d+")) {
                // fetch.nMsg.sec: without the group join, which is a fixed cost, not throughput.
                return new ConsumerCeiling(Long.parseLong(f[4].strip()), Double.parseDouble(f[9].strip()));
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result:\n" + out);
    }

    /** EndToEndLatency: one record at a time, produce (acks=all) until a consumer has it: one hop through the broker. */
    OneHopLatency oneHop(String bootstrap, String topic, long records, int size) throws IOException, InterruptedException {
        String out = run("end-to-end-latency", "org.apache.kafka.tools.EndToEndLatency",
                "--bootstrap-server", bootstrap, "--topic", topic, "--num-records", Long.toString(records),
                "--producer-acks", "all", "--record-size", Integer.toString(size));
        return parseOneHop(out, records);
    }

    static OneHopLatency parseOneHop(String out, long records) {
        Matcher m = END_TO_END.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        return new OneHopLatency(records, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)));
    }

    private String run(String name, String mainClass, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in 10 minutes; see " + log);
        }
        String out = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "):\n" + out);
        }
        return out;
    }
}
