package io.leadloop.schemas.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, read from Kafka client configs under Confluent's own names so that existing deployment
 * configuration works unchanged.
 */
public record AvroSerdeConfig(
        List<URI> schemaRegistryUrls,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        Optional<String> basicAuthUserInfo,
        Duration requestTimeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Confluent's name; only the USER_INFO credentials source is supported. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    public AvroSerdeConfig {
        schemaRegistryUrls = List.copyOf(schemaRegistryUrls);
    }

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object urls = configs.get(SCHEMA_REGISTRY_URL);
        if (urls == null || urls.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        List<URI> parsed = (urls instanceof List<?> list ? list.stream().map(Object::toString)
                : Arrays.stream(urls.toString().split(",")))
                .map(String::trim).filter(url -> !url.isEmpty()).map(URI::create).toList();
        return new AvroSerdeConfig(
                parsed,
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                Optional.ofNullable(configs.get(BASIC_AUTH_USER_INFO)).map(Object::toString).filter(s -> !s.isBlank()),
                Duration.ofMillis(Long.parseLong(String.valueOf(Optional.<Object>ofNullable(configs.get(REQUEST_TIMEOUT_MS)).orElse("10000")))));
    }

    private static boolean bool(Map<String, ?> configs, String name, boolean defaultValue) {
        Object value = configs.get(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }
}
