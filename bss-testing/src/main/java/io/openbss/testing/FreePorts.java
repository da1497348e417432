package io.openbss.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports for the servers that a test or a benchmark starts. */
public final class FreePorts {

    static final int FIRST = 20_000;
    static final int END = 32_000;

    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {
    }

    /**
     * A loopback port that is free now, below the kernel's ephemeral ports (32768 and up) and not given before in
     * this JVM. A port the kernel picks ({@code new ServerSocket(0)}) is an ephemeral one, which an outgoing
     * connection (a service's to PostgreSQL) can take before the server it was given to binds it: a console in
     * SupervisorIT and an enterprise-service in the bench's {@code ./bss up} failed to start so.
     */
    public static synchronized int take() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, END);
            if (!GIVEN.contains(port)) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    GIVEN.add(port);
                    return port;
                } catch (IOException taken) {
                    // in use: try another
                }
            }
        }
        throw new IllegalStateException("no free port from " + FIRST + " to " + (END - 1));
    }
}
