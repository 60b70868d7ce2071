package io.leadloop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a local stack needs to know, fixed before anything starts. {@link #fromEnvironment} is what
 * {@code ./leadloop} uses; {@link #onFreePorts} lets tests, benchmarks and fault suites run their own stack beside
 * a developer's without touching theirs.
 *
 * @param root               the repository root: service jars are found below it
 * @param home               the {@code .leadloop} directory: logs, pid files and data that survive restarts
 * @param ports              where each part listens, all on 127.0.0.1
 * @param parts              which parts to run; a subset is for tests that need only broker and registry
 * @param serviceJvmOptions  JVM flags for each service; small heaps by default because the target box has 2 cores
 * @param kafkaJvmOptions    JVM flags for the broker
 * @param registryJvmOptions JVM flags for the registry
 * @param startupTimeout     how long one tier may take to become healthy before the start is abandoned
 * @param stopGracePeriod    how long a part may take to stop after SIGTERM before it gets SIGKILL
 * @param serviceArguments   extra Spring command-line arguments per service (e.g. a CRM secret a test needs)
 * @param externalKafka      bootstrap servers of a Kafka this stack does not run (e.g. a {@link KafkaCluster}),
 *                           or empty for the stack's own broker
 * @param classDataSharing   run each service from its extracted jar with a class-data-sharing archive that the
 *                           first run writes and later starts map (see {@link SpringBootService}): faster second
 *                           and later starts of a long-lived home such as {@code ./leadloop}'s; off for the
 *                           throw-away homes of tests, where every start would be a first one
 */
public record StackConfig(
        Path root,
        Path home,
        Ports ports,
        Set<Part> parts,
        List<String> serviceJvmOptions,
        List<String> kafkaJvmOptions,
        List<String> registryJvmOptions,
        Duration startupTimeout,
        Duration stopGracePeriod,
        Map<Part, List<String>> serviceArguments,
        String externalKafka,
        boolean classDataSharing) {

    static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = serviceJvmDefaults(Runtime.version().feature());
    static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    static final List<String> DEFAULT_REGISTRY_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    public StackConfig {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        parts = Set.copyOf(parts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        registryJvmOptions = List.copyOf(registryJvmOptions);
        serviceArguments = Map.copyOf(serviceArguments);
        externalKafka = externalKafka == null ? "" : externalKafka;
    }

    /** Ports of every part; the Kafka controller listener needs its own port beside the client listener. */
    public record Ports(int kafka, int kafkaController, int registry, int registryManagement,
                        int intake, int qualification, int handoff, int feedback) {

        static final Ports DEFAULTS = new Ports(9092, 9093, 8085, 8086, 8081, 8082, 8083, 8084);

        /** The HTTP port of a service; the broker and registry have their own accessors. */
        public int of(Part part) {
            return switch (part) {
                case KAFKA -> kafka;
                case REGISTRY -> registry;
                case INTAKE -> intake;
                case QUALIFICATION -> qualification;
                case HANDOFF -> handoff;
                case FEEDBACK -> feedback;
            };
        }
    }

    /**
     * A small heap (the services' live sets after a full collection are 36–85 MiB), the serial collector (two
     * cores: a concurrent collector's threads compete with the services), and two flags that hand native memory
     * back: glibc keeps what RocksDB, the JIT and Kafka's clients freed in its arenas unless trimmed
     * ({@code TrimNativeHeapInterval}, a product flag since JDK 22), and the JDK caches a temporary direct buffer as
     * large as the largest socket read of each thread (a fetch response can be megabytes) unless capped. One A/B
     * under the same load command (bench/README.md, "Session 17"): peak resident sets 25–58 MiB lower per service.
     */
    static List<String> serviceJvmDefaults(int javaFeatureVersion) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Djdk.nio.maxCachedBufferSize=262144"));
        if (javaFeatureVersion >= 22) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    /**
     * The configuration {@code ./leadloop} runs with: default ports unless a {@code LEADLOOP_*} variable says
     * otherwise, state in {@code <root>/.leadloop} unless {@code LEADLOOP_HOME} points elsewhere.
     */
    public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
        Function<String, String> get = env::get;
        Ports d = Ports.DEFAULTS;
        Ports ports = new Ports(
                port(get, "LEADLOOP_KAFKA_PORT", d.kafka()),
                port(get, "LEADLOOP_KAFKA_CONTROLLER_PORT", d.kafkaController()),
                port(get, "LEADLOOP_REGISTRY_PORT", d.registry()),
                port(get, "LEADLOOP_REGISTRY_MANAGEMENT_PORT", d.registryManagement()),
                port(get, "LEADLOOP_INTAKE_PORT", d.intake()),
                port(get, "LEADLOOP_QUALIFICATION_PORT", d.qualification()),
                port(get, "LEADLOOP_HANDOFF_PORT", d.handoff()),
                port(get, "LEADLOOP_FEEDBACK_PORT", d.feedback()));
        Path home = env.containsKey("LEADLOOP_HOME") ? Path.of(env.get("LEADLOOP_HOME")) : root.resolve(".leadloop");
        return new StackConfig(root, home, ports, parts(get),
                options(get, "LEADLOOP_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JVM_OPTIONS),
                options(get, "LEADLOOP_KAFKA_JAVA_OPTS", DEFAULT_KAFKA_JVM_OPTIONS),
                options(get, "LEADLOOP_REGISTRY_JAVA_OPTS", DEFAULT_REGISTRY_JVM_OPTIONS),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LEADLOOP_STARTUP_TIMEOUT_SECONDS", "180"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("LEADLOOP_STOP_GRACE_SECONDS", "30"))), Map.of(), "",
                !"false".equalsIgnoreCase(env.getOrDefault("LEADLOOP_CDS", "true").strip()));
    }

    /**
     * A stack of its own for a test or a benchmark: every port free right now, state under {@code home} (a temp
     * directory), all parts unless narrowed with {@link #withParts}.
     */
    public static StackConfig onFreePorts(Path root, Path home) {
        int[] free = freePorts(8);
        Ports ports = new Ports(free[0], free[1], free[2], free[3], free[4], free[5], free[6], free[7]);
        return new StackConfig(root, home, ports, EnumSet.allOf(Part.class),
                DEFAULT_SERVICE_JVM_OPTIONS, DEFAULT_KAFKA_JVM_OPTIONS, DEFAULT_REGISTRY_JVM_OPTIONS,
                Duration.ofSeconds(240), Duration.ofSeconds(30), Map.of(), "", false);
    }

    /**
     * A second instance of every service of this stack, for scale-out: the same broker and registry, the services
     * on new free ports, with their own home (logs, pid files, state stores) under {@code home/replica-<n>}.
     * Started with {@code LocalStack.start(config.replica(2))}, it joins the first instances' consumer groups and
     * shares their partitions.
     */
    public StackConfig replica(int n) {
        int[] free = freePorts(4);
        Ports replicaPorts = new Ports(ports.kafka(), ports.kafkaController(), ports.registry(),
                ports.registryManagement(), free[0], free[1], free[2], free[3]);
        return new StackConfig(root, home.resolve("replica-" + n), replicaPorts,
                EnumSet.copyOf(Part.services()), serviceJvmOptions, kafkaJvmOptions, registryJvmOptions,
                startupTimeout, stopGracePeriod, serviceArguments, externalKafka, classDataSharing);
    }

    public StackConfig withParts(Part... selected) {
        return new StackConfig(root, home, ports, EnumSet.copyOf(Arrays.asList(selected)), serviceJvmOptions,
                kafkaJvmOptions, registryJvmOptions, startupTimeout, stopGracePeriod, serviceArguments, externalKafka, classDataSharing);
    }

    /** The same stack without its own broker, its services talking to {@code bootstrapServers} instead. */
    public StackConfig withExternalKafka(String bootstrapServers) {
        Set<Part> withoutBroker = EnumSet.copyOf(parts);
        withoutBroker.remove(Part.KAFKA);
        return new StackConfig(root, home, ports, withoutBroker, serviceJvmOptions, kafkaJvmOptions,
                registryJvmOptions, startupTimeout, stopGracePeriod, serviceArguments, bootstrapServers, classDataSharing);
    }

    /** The same stack with extra Spring arguments for one service, appended after the stack's own. */
    public StackConfig withServiceArguments(Part service, String... arguments) {
        if (!service.isService()) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        Map<Part, List<String>> extended = new java.util.EnumMap<>(Part.class);
        extended.putAll(serviceArguments);
        List<String> merged = new ArrayList<>(serviceArguments.getOrDefault(service, List.of()));
        merged.addAll(Arrays.asList(arguments));
        extended.put(service, merged);
        return new StackConfig(root, home, ports, parts, serviceJvmOptions, kafkaJvmOptions, registryJvmOptions,
                startupTimeout, stopGracePeriod, extended, externalKafka, classDataSharing);
    }

    /** The same stack, each tier given {@code timeout} to become healthy. */
    public StackConfig withStartupTimeout(Duration timeout) {
        return new StackConfig(root, home, ports, parts, serviceJvmOptions, kafkaJvmOptions, registryJvmOptions,
                timeout, stopGracePeriod, serviceArguments, externalKafka, classDataSharing);
    }

    /** The same stack with class-data sharing for the services on or off. */
    public StackConfig withClassDataSharing(boolean enabled) {
        return new StackConfig(root, home, ports, parts, serviceJvmOptions, kafkaJvmOptions, registryJvmOptions,
                startupTimeout, stopGracePeriod, serviceArguments, externalKafka, enabled);
    }

    public boolean runs(Part part) {
        return parts.contains(part);
    }

    /** The parts this stack runs, in start order. */
    public List<Part> partsInStartOrder() {
        return Arrays.stream(Part.values()).filter(parts::contains).toList();
    }

    public String bootstrapServers() {
        if (!externalKafka.isEmpty()) {
            return externalKafka;
        }
        return "127.0.0.1:" + ports.kafka();
    }

    /** Base URL of the registry's Confluent-compatible API, the one our serde and {@code schema.registry.url} use. */
    public String schemaRegistryUrl() {
        return "http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7";
    }

    public String serviceUrl(Part service) {
        return "http://127.0.0.1:" + ports.of(service);
    }

    public Path logFile(Part part) {
        return home.resolve("logs").resolve(part.id() + ".log");
    }

    public Path pidFile(Part part) {
        return home.resolve("run").resolve(part.id() + ".pid");
    }

    public Path dataDir(Part part) {
        return home.resolve("data").resolve(part.id());
    }

    /** Where generated configuration files of a part go; rewritten on every start, so it is not data. */
    public Path runDir(Part part) {
        return home.resolve("run").resolve(part.id());
    }

    /**
     * Finds the repository root: the {@code leadloop.root} system property (set by the script and by Failsafe),
     * else the nearest directory upwards from the working directory that holds both {@code leadloop} and
     * {@code pom.xml}.
     */
    public static Path locateRoot() {
        String fromProperty = System.getProperty("leadloop.root");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("leadloop")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the LeadLoop repository root (a directory with 'leadloop' and "
                + "'pom.xml') above " + Path.of("").toAbsolutePath() + "; set -Dleadloop.root");
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }

    /**
     * {@code LEADLOOP_PARTS=kafka,registry} runs only the infrastructure, e.g. while a service runs in the IDE.
     */
    private static Set<Part> parts(Function<String, String> env) {
        String value = env.apply("LEADLOOP_PARTS");
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(Part.class);
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Part::fromId)
                .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Part.class)));
    }

    private static List<String> options(Function<String, String> env, String name, List<String> fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : List.of(value.trim().split("\\s+"));
    }

    /** Holds all sockets open until every port is chosen, so the same port is never handed out twice. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we never used cannot lose anything
                }
            }
        }
    }
}
