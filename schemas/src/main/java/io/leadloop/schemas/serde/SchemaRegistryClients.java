package io.leadloop.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.leadloop.schemas.registry.SchemaRegistryClient;

/**
 * One registry client (and so one id/schema cache) per registry configuration in a JVM: a Kafka Streams app
 * creates a serde per topic and store, and they should not each ask the registry for the same ids.
 */
final class SchemaRegistryClients {

    private static final Map<AvroSerdeConfig, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
        AvroSerdeConfig key = new AvroSerdeConfig(config.schemaRegistryUrls(), false, false, false,
                config.basicAuthUserInfo(), config.requestTimeout());
        return CLIENTS.computeIfAbsent(key, k ->
                new SchemaRegistryClient(k.schemaRegistryUrls(), k.basicAuthUserInfo(), k.requestTimeout()));
    }
}
