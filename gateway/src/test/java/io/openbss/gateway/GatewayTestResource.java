package io.openbss.gateway;

import com.sun.net.httpserver.HttpServer;
import io.openbss.testing.FreePorts;
import io.openbss.testing.InternalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateway under test: a free public port, fresh keys, and an echo service standing in for the three services,
 * answering with what it received so that tests can see exactly what the gateway forwarded. A path ending in
 * {@code /fail} is answered 500, one ending in {@code /refuse} with a service's refusal (400 and its error code);
 * one whose body names {@code "order_id":"held"} waits for {@link #releaseHeld()}; one whose body names a value
 * {@code cut-once-...} has its connection closed without an answer the first time, {@code cut-always-...} every
 * time ({@link #CUT} counts them).
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String REFUSAL_CODE = "CBC.99003016";
    public static volatile int publicPort;
    /** The request ids of every request the echo service received: what the gateway forwarded. */
    public static final Set<String> FORWARDED = ConcurrentHashMap.newKeySet();
    /** Counted down when a held call has arrived at the echo service. */
    public static volatile CountDownLatch heldArrived = new CountDownLatch(1);
    private static volatile CountDownLatch heldRelease = new CountDownLatch(1);
    /** How many times each {@code cut-...} value reached the echo service. */
    public static final Map<String, AtomicInteger> CUT = new ConcurrentHashMap<>();
    private static final Pattern CUT_VALUE = Pattern.compile("\"(cut-(once|always)-[^\"]*)\"");

    private HttpServer echo;
    private ExecutorService echoThreads;

    @Override
    public Map<String, String> start() {
        try {
            echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a thread per exchange: a held call must not hold up the calls sent after it
        echoThreads = Executors.newVirtualThreadPerTaskExecutor();
        echo.setExecutor(echoThreads);
        echo.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                FORWARDED.add(requestId);
            }
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(e -> quote(e.getKey().toLowerCase()) + ":" + quote(e.getValue().getFirst()))
                    .collect(Collectors.joining(","));
            String answer = "{\"method\":" + quote(exchange.getRequestMethod())
                    + ",\"uri\":" + quote(exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? ""
                            : "?" + exchange.getRequestURI().getRawQuery()))
                    + ",\"headers\":{" + headers + "}"
                    + ",\"body\":" + quote(new String(body, StandardCharsets.UTF_8)) + "}";
            Matcher cut = CUT_VALUE.matcher(new String(body, StandardCharsets.UTF_8));
            if (cut.find()) {
                int seen = CUT.computeIfAbsent(cut.group(1), k -> new AtomicInteger()).incrementAndGet();
                if (cut.group(2).equals("always") || seen == 1) {
                    exchange.close(); // no answer: the connection is closed
                    return;
                }
            }
            if (new String(body, StandardCharsets.UTF_8).contains("\"order_id\":\"held\"")) {
                heldArrived.countDown();
                try {
                    heldRelease.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/refuse")) {
                answer = "{\"error_code\":\"" + REFUSAL_CODE + "\",\"error_msg\":\"The resource does not exist\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Echo", "yes");
            exchange.sendResponseHeaders(path.endsWith("/fail") ? 500 : path.endsWith("/refuse") ? 400 : 200,
                    bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        echo.start();
        publicPort = FreePorts.take();
        String echoUrl = "http://127.0.0.1:" + echo.getAddress().getPort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> config = new HashMap<>();
        config.put("bss.gateway.public-port", String.valueOf(publicPort));
        config.put("bss.gateway.public-host", "127.0.0.1");
        config.put("bss.gateway.services.billing", echoUrl);
        config.put("bss.gateway.services.orders", echoUrl);
        config.put("bss.gateway.services.enterprise", "http://127.0.0.1:" + FreePorts.take());
        config.put("bss.gateway.sk-encryption-key", Base64.getEncoder().encodeToString(key));
        config.put("bss.gateway.admin-token", ADMIN_TOKEN);
        // no more request bodies at once than one of the largest (12 MiB): BodyBudgetTest
        config.put("bss.gateway.bodies-in-flight-bytes", "1");
        config.put("bss.gateway.body-read-timeout", "PT3S");
        config.put("bss.gateway.internal-token.private-key", InternalKeys.privateKeyPem());
        config.put("mp.jwt.verify.publickey", InternalKeys.publicKeyPem());
        return config;
    }

    /** Lets the held call go on, and holds the next one. */
    public static void releaseHeld() {
        CountDownLatch release = heldRelease;
        heldArrived = new CountDownLatch(1);
        heldRelease = new CountDownLatch(1);
        release.countDown();
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
            echoThreads.shutdownNow();
        }
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
