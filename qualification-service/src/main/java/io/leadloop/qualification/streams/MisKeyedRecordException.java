package io.leadloop.qualification.streams;

/**
 * A lead event whose record key is not its leadId breaks the per-lead ordering every lead topic promises; it is
 * dead-lettered rather than scored under the wrong key.
 */
class MisKeyedRecordException extends RuntimeException {

    MisKeyedRecordException(String topic, String key, String leadId) {
        super("Record on " + topic + " keyed '" + key + "' carries leadId '" + leadId + "'; lead events are keyed by leadId");
    }
}
