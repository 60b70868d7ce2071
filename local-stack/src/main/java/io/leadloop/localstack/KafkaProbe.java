package io.leadloop.localstack;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks the broker for cluster metadata over the Kafka wire protocol, by hand.
 *
 * <p>An open port is not enough: a KRaft broker accepts connections a moment before it has registered itself, and
 * a service that creates its topics in that moment fails with "0 broker(s) are registered". The broker is ready when
 * a Metadata response lists at least one live broker. Speaking the protocol directly (one fixed request, a few bytes
 * of the answer) keeps kafka-clients off the launcher's classpath.
 */
final class KafkaProbe {

    private static final short METADATA_API_KEY = 3;
    /** Version 1: request header v1, body = topics array; response header v0, body starts with the brokers array. */
    private static final short METADATA_VERSION = 1;
    private static final int CORRELATION_ID = 7;
    private static final byte[] CLIENT_ID = "leadloop-local-stack".getBytes(StandardCharsets.UTF_8);
    private static final int TIMEOUT_MILLIS = 3000;

    private KafkaProbe() {
    }

    static Health brokerRegistered(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeInt(2 + 2 + 4 + 2 + CLIENT_ID.length + 4);
            out.writeShort(METADATA_API_KEY);
            out.writeShort(METADATA_VERSION);
            out.writeInt(CORRELATION_ID);
            out.writeShort(CLIENT_ID.length);
            out.write(CLIENT_ID);
            out.writeInt(0); // an empty topic list: we only want the brokers
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readInt(); // response size
            if (in.readInt() != CORRELATION_ID) {
                return Health.down("unexpected Metadata response");
            }
            int brokers = in.readInt();
            return brokers > 0 ? Health.up("") : Health.down("no broker registered yet");
        } catch (IOException e) {
            return Health.down(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
