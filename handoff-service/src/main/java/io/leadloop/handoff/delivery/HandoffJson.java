package io.leadloop.handoff.delivery;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a webhook receives: the event's fields by their Avro names, unions as plain values, timestamps as
 * ISO-8601 UTC strings, enums as their names. The field docs of {@code LeadHandedOff.avsc} are its documentation.
 */
final class HandoffJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HandoffJson() {
    }

    static byte[] toJson(GenericRecord event) {
        return MAPPER.writeValueAsBytes(plain(event));
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case GenericRecord record -> {
                var fields = new LinkedHashMap<String, Object>();
                for (Schema.Field field : record.getSchema().getFields()) {
                    fields.put(field.name(), plain(record.get(field.pos())));
                }
                yield fields;
            }
            case Map<?, ?> map -> {
                var entries = new LinkedHashMap<String, Object>();
                map.forEach((key, entry) -> entries.put(String.valueOf(key), plain(entry)));
                yield entries;
            }
            case List<?> list -> {
                var items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(plain(item)));
                yield items;
            }
            case CharSequence text -> text.toString();
            case Instant instant -> instant.toString();
            case Enum<?> symbol -> symbol.name();
            case ByteBuffer bytes -> Base64.getEncoder().encodeToString(bytes.array());
            default -> value; // numbers, booleans, BigDecimal
        };
    }
}
