package io.openbss.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void eachPortIsBelowTheEphemeralOnesGivenOnceAndBindable() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.take();
            assertTrue(port >= FreePorts.FIRST && port < FreePorts.END && port < 32_768, "port " + port);
            assertTrue(ports.add(port), "port " + port + " given twice");
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, server.getLocalPort());
            }
        }
    }
}
