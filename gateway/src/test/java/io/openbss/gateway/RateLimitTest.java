package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Per-API quotas through the public port, counted in memory: per client address and per account, with the fields
 * APIG and the IETF draft define. The gateway trusts 127.0.0.1 as a reverse proxy, so a test plays clients at other
 * addresses through X-Forwarded-For; a connection from 127.0.0.2 (or .3, ...) is a client that is not behind a trusted proxy.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(RateLimitTest.RateLimitsOn.class)
class RateLimitTest {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final AtomicInteger LOOPBACKS = new AtomicInteger();

    public static class RateLimitsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bss.gateway.rate-limits.enabled", "true",
                    "bss.gateway.rate-limits.operations.ShowCustomerAccountBalances", "3",
                    "bss.gateway.trusted-proxies", "127.0.0.1");
        }
    }

    /**
     * A scenario whose requests must all fall in one second: it prepares (accounts, clients), then starts the clock;
     * an attempt that took longer than that on a slow machine is void and made again, with fresh accounts.
     */
    interface Scenario {
        void run(Clock clock) throws Exception;
    }

    static final class Clock {
        private Instant started = Instant.now();

        void start() {
            started = Instant.now();
        }
    }

    static void withinOneWindow(Scenario scenario) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Clock clock = new Clock();
            try {
                scenario.run(clock);
                return;
            } catch (AssertionError e) {
                if (Duration.between(clock.started, Instant.now()).toMillis() < 800 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void everyAddressAndEveryAccountHasItsOwnQuotaPerApi() throws Exception {
        withinOneWindow(clock -> {
            SignedHttpClient a = account("individual").client();
            SignedHttpClient b = account("individual").client();
            String ip1 = nextAddress();
            String ip2 = nextAddress();
            clock.start();
            for (int remaining = 2; remaining >= 0; remaining--) {
                SignedHttpClient.Response admitted = call(a, ip1);
                assertThat(admitted.status()).isEqualTo(200);
                assertThat(admitted.header("X-Apig-RateLimit-api"))
                        .isEqualTo("remain:" + remaining + ",limit:3,time:1 second");
                assertThat(admitted.header("RateLimit-Policy")).isEqualTo("\"ip\";q=3;w=1, \"user\";q=3;w=1");
                assertThat(admitted.header("RateLimit"))
                        .matches("\"ip\";r=" + remaining + ";t=1, \"user\";r=" + remaining + ";t=1");
            }

            SignedHttpClient.Response sameAddress = call(b, ip1);
            assertThat(sameAddress.status()).isEqualTo(429);
            assertThat(JsonPath.from(sameAddress.body()).getString("error_code")).isEqualTo("APIG.0308");
            assertThat(JsonPath.from(sameAddress.body()).getString("error_msg")).isEqualTo(
                    "The throttling threshold has been reached: policy ip over ratelimit,limit:3,time:1 second");
            assertThat(Integer.parseInt(sameAddress.header("Retry-After"))).isEqualTo(1);
            assertThat(sameAddress.header("RateLimit")).isEqualTo("\"ip\";r=0;t=1, \"user\";r=3;t=0");

            assertThat(call(b, ip2).status()).as("the other account from another address").isEqualTo(200);

            SignedHttpClient.Response sameAccount = call(a, nextAddress());
            assertThat(sameAccount.status()).isEqualTo(429);
            assertThat(JsonPath.from(sameAccount.body()).getString("error_msg")).contains("policy user over ratelimit");

            assertThat(a.send("GET", "/v2/products/service-types", null, Map.of("X-Forwarded-For", ip1), null,
                    Instant.now()).status()).as("another API of the same account and address").isEqualTo(200);
        });
    }

    /**
     * Sixteen clients of one account at one address, as fast as they can for two seconds: the gateway admits at most
     * the quota per started second (a fixed-window counter could admit twice that across a boundary), and refuses
     * the rest with 429.
     */
    @Test
    void concurrentClientsGetNoMoreThanTheQuota() throws Exception {
        SignedHttpClient client = account("individual").client();
        String address = nextAddress();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        long until = started + Duration.ofSeconds(2).toNanos();
        List<Future<int[]>> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            callers.add(pool.submit(() -> {
                int[] counts = new int[2];
                while (System.nanoTime() < until) {
                    int status = call(client, address).status();
                    assertThat(status).isIn(200, 429);
                    counts[status == 200 ? 0 : 1]++;
                }
                return counts;
            }));
        }
        int admitted = 0;
        int refused = 0;
        for (Future<int[]> caller : callers) {
            int[] counts = caller.get();
            admitted += counts[0];
            refused += counts[1];
        }
        long startedSeconds = (System.nanoTime() - started + 999_999_999L) / 1_000_000_000L;
        pool.shutdown();

        assertThat(admitted).as("admitted at 3/s over %d started seconds", startedSeconds)
                .isBetween(3, (int) (3 * startedSeconds));
        assertThat(refused).as("refused").isGreaterThan(admitted);
    }

    @Test
    void apigDebugModeShowsEachQuota() throws Exception {
        SignedHttpClient.Response answer = account("individual").client().send("GET", BALANCES, null,
                Map.of("X-Forwarded-For", nextAddress(), "X-Apig-Mode", "debug"), null, Instant.now());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Apig-RateLimit-ip")).isEqualTo("remain:2,limit:3,time:1 second");
        assertThat(answer.header("X-Apig-RateLimit-user")).isEqualTo("remain:2,limit:3,time:1 second");
    }

    /** A client that is not behind the trusted proxy is counted by its connection, whatever it says it is. */
    @Test
    void aForgedForwardedForDoesNotBuyAnotherQuota() throws Exception {
        withinOneWindow(clock -> {
            List<SignedHttpClient> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clients.add(account("individual").client());
            }
            String connection = "127.0.0." + (2 + LOOPBACKS.getAndIncrement());
            clock.start();
            List<Integer> statuses = new ArrayList<>();
            for (SignedHttpClient client : clients) {
                statuses.add(sendFrom(connection, client, Map.of("X-Forwarded-For", nextAddress())));
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429);
        });
    }

    static SignedHttpClient.Response call(SignedHttpClient client, String address) throws Exception {
        return client.send("GET", BALANCES, null, Map.of("X-Forwarded-For", address), null, Instant.now());
    }

    static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** The signed request over a connection from {@code localAddress}; answers the status. */
    private static int sendFrom(String localAddress, SignedHttpClient client, Map<String, String> headers)
            throws IOException {
        HttpRequest request = client.request("GET", BALANCES, null, headers, null, Instant.now());
        StringBuilder raw = new StringBuilder("GET " + BALANCES + " HTTP/1.1\r\n");
        raw.append("Host: 127.0.0.1:").append(GatewayTestResource.publicPort).append("\r\n");
        request.headers().map().forEach((name, values) -> raw.append(name).append(": ").append(values.getFirst())
                .append("\r\n"));
        raw.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", GatewayTestResource.publicPort), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String status = answer.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
