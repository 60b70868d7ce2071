package io.leadloop.localstack;

/** One line of {@code ./leadloop status}. {@code pid} is -1 and {@code health} null when the part is stopped. */
public record PartStatus(Part part, boolean running, long pid, String url, Health health) {
}
