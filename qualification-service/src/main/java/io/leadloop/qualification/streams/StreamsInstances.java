package io.leadloop.qualification.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance of a Kafka Streams app holds a key, which other instances share its stores, and a plain HTTP GET
 * to one of them — for reads that must be answered on whichever instance the client asked.
 *
 * <p>Each instance advertises its HTTP address as {@code application.server} ({@code host:port}); Kafka Streams
 * spreads those through the group, so every instance knows which one owns each partition. Without
 * {@code application.server} the app is taken to be alone: every key is local and there are no others.
 *
 * <p>Self-contained on purpose (Kafka Streams and the JDK's HTTP client only), so it can move to a shared module.
 * A forwarded request carries {@link #FORWARDED_HEADER}; the receiver answers from its own stores whatever its
 * metadata says, so a request is forwarded at most once even while two instances disagree during a rebalance.
 *
 * <p>With access control on, the other instance checks the caller like any request: the forwarded request carries
 * the caller's own credentials ({@code Authorization}, {@code X-API-Key}), handed in by a supplier, so an instance
 * never widens what a caller may read and needs no credential of its own.
 */
public final class StreamsInstances {

    /** Marks a request one instance forwarded to another: answer it locally, never forward it again. */
    public static final String FORWARDED_HEADER = "X-LeadLoop-Forwarded";

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;
    private final HttpClient http;
    private final Duration timeout;
    private final Supplier<Map<String, String>> callerCredentials;

    /**
     * @param streams the running app (a supplier: Spring creates it only when it starts)
     * @param applicationServer this instance's {@code application.server}, {@code host:port}; null or blank if not set
     * @param timeout how long a forwarded request may take
     */
    public StreamsInstances(Supplier<KafkaStreams> streams, String applicationServer, Duration timeout) {
        this(streams, applicationServer, timeout, Map::of);
    }

    /**
     * @param callerCredentials the headers that authenticated the request being answered (name to value), passed on
     *        to the instance it is forwarded to
     */
    public StreamsInstances(Supplier<KafkaStreams> streams, String applicationServer, Duration timeout,
            Supplier<Map<String, String>> callerCredentials) {
        this.callerCredentials = Objects.requireNonNull(callerCredentials, "callerCredentials");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = applicationServer == null || applicationServer.isBlank() ? null
                : HostInfo.buildFromEndpoint(applicationServer.trim());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Whether this instance advertises an address, i.e. may share its partitions with others. */
    public boolean shared() {
        return self != null;
    }

    /**
     * The instance that owns {@code key} in {@code store}, when it is another one.
     *
     * @return empty when the key is this instance's (or the app runs alone)
     * @throws InstanceUnavailableException when no instance owns it right now (rebalancing)
     */
    public Optional<URI> remoteOwnerOf(String store, String key) {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = running().queryMetadataForKey(store, key, new StringSerializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                || HostInfo.unavailable().equals(metadata.activeHost())) {
            throw new InstanceUnavailableException("No instance owns " + store + " key " + key + " right now");
        }
        return self.equals(metadata.activeHost()) ? Optional.empty() : Optional.of(uriOf(metadata.activeHost()));
    }

    /** Every other instance holding part of {@code store}; empty when the app runs alone. */
    public List<URI> others(String store) {
        if (self == null) {
            return List.of();
        }
        Collection<StreamsMetadata> all = running().streamsMetadataForStore(store);
        return all.stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self) && !host.equals(HostInfo.unavailable()))
                .distinct()
                .map(StreamsInstances::uriOf)
                .toList();
    }

    /**
     * GETs {@code pathAndQuery} from another instance, marked as forwarded.
     *
     * @throws InstanceUnavailableException when it cannot be reached or does not answer in time
     */
    public Reply get(URI instance, String pathAndQuery, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(instance.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", accept)
                .header(FORWARDED_HEADER, "true");
        callerCredentials.get().forEach(builder::header);
        HttpRequest request = builder.GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException failed) {
            throw new InstanceUnavailableException("Instance " + instance + " did not answer: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InstanceUnavailableException("Interrupted while asking " + instance, interrupted);
        }
    }

    private KafkaStreams running() {
        KafkaStreams app = streams.get();
        if (app == null || !app.state().isRunningOrRebalancing()) {
            throw new InstanceUnavailableException("The stream app is not running");
        }
        return app;
    }

    private static URI uriOf(HostInfo host) {
        return URI.create("http://" + host.host() + ":" + host.port() + "/");
    }

    /** Another instance's answer, passed on as it is. */
    public record Reply(int status, String contentType, String body) {
    }

    /** No instance can answer right now (starting, rebalancing, or unreachable): worth a retry. */
    public static final class InstanceUnavailableException extends RuntimeException {

        public InstanceUnavailableException(String message) {
            super(message);
        }

        public InstanceUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
