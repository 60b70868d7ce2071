package io.leadloop.schemas.registry;

import java.io.IOException;

/** How the client reaches a registry: over HTTP, or (for {@code mock://} URLs in tests) in memory. */
interface RegistryTransport {

    /** A registry's answer: HTTP status and JSON body. */
    record Reply(int status, String body) {
    }

    Reply exchange(String method, String path, String body) throws IOException, InterruptedException;

    /** Where this transport goes, for error messages. */
    String describe();
}
