package io.openbss.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A man in the middle: forwards each HTTP/1.1 request to the gateway with one byte of its body changed, and
 * every header (the signed Host included) left exactly as the client sent it.
 */
final class TamperingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Thread acceptor;

    TamperingProxy(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.acceptor = Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                byte[] request = readMessage(client.getInputStream());
                int bodyStart = headEnd(request);
                if (bodyStart < request.length) {
                    request[bodyStart] ^= 0x01;
                }
                target.getOutputStream().write(request);
                byte[] response = readMessage(target.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(withConnectionClose(response));
                out.flush();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** A whole message: the head, then Content-Length bytes of body. */
    private static byte[] readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buffer.write(b);
            byte[] sofar = buffer.toByteArray();
            int end = headEnd(sofar);
            if (end <= sofar.length && end > 0) {
                int length = contentLength(new String(sofar, 0, end, StandardCharsets.ISO_8859_1));
                buffer.write(in.readNBytes(length));
                return buffer.toByteArray();
            }
        }
        return buffer.toByteArray();
    }

    private static int headEnd(byte[] bytes) {
        for (int i = 3; i < bytes.length; i++) {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
                return i + 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    private static byte[] withConnectionClose(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return (text.substring(0, end) + "\r\nConnection: close" + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
