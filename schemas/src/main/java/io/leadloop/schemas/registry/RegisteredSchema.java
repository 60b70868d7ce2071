package io.leadloop.schemas.registry;

import org.apache.avro.Schema;

/** A schema as the registry knows it: its global id, and, where known, the subject version. */
public record RegisteredSchema(int id, int version, Schema schema) {
}
