package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.GatewayTestSupport.admin;
import static io.openbss.gateway.GatewayTestSupport.rootUser;
import static io.openbss.gateway.GatewayTestSupport.setPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.openbss.testing.PostgresResource;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Password guessing through the public port, with quotas on and the loopback as a trusted proxy (so that each
 * guesser can be a client address of its own): the user is locked by who it is, whatever account fields the guesses
 * name, and logins are throttled per client address and per user name before any password is checked.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(LoginGuessingTest.QuotasOn.class)
class LoginGuessingTest {

    static final String PASSWORD = "Tr0ub4dor&3x";
    static final String WRONG = "Incorrect IAM authentication information: the user name or password is wrong";
    static final String LOCKED = "Incorrect IAM authentication information: the user is locked after too many failed"
            + " logins";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    public static class QuotasOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bss.gateway.rate-limits.enabled", "true", "bss.gateway.trusted-proxies", "127.0.0.1",
                    "bss.gateway.rate-limits.operations.KeystoneCreateToken", "3");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Ten guessers, each from an address of its own, vary the account fields (name, id, both, the name with a
     * random id): at most five guesses are answered "wrong" before the user is locked, then even the right password
     * is refused in every form; a form naming a random account id never reaches the user at all.
     */
    @Test
    void tenGuessersLockTheUserWithinSixFailuresWhateverDomainFieldsTheyVary() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String user = rootUser(account);
        setPassword(user, PASSWORD);
        String name = account.name();
        List<String> domains = List.of(domainByName(name), domainById(account.domainId()),
                "{\"name\":\"" + name + "\",\"id\":\"" + account.domainId() + "\"}");
        List<GatewayTestSupport.Account> bystanders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bystanders.add(account("individual"));
            setPassword(rootUser(bystanders.getLast()), PASSWORD);
        }
        List<Long> quiet = timedLogins(bystanders.subList(0, 5));
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger throttled = new AtomicInteger();
        ExecutorService guessers = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int g = 0; g < 10; g++) {
                int guesser = g;
                String address = nextAddress();
                running.add(guessers.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                        String domain = attempt % 4 == 3
                                ? "{\"name\":\"" + name + "\",\"id\":\"" + UUID.randomUUID().toString()
                                .replace("-", "") + "\"}" : domains.get((guesser + attempt) % 3);
                        HttpResponse<String> answer = login(name, "guess-" + guesser + "-" + attempt, domain,
                                address);
                        if (answer.statusCode() == 429) {
                            throttled.incrementAndGet();
                            continue;
                        }
                        String message = JsonPath.from(answer.body()).getString("error_msg");
                        if (attempt % 4 != 3) {
                            answers.add(message);
                        }
                        if (message.equals(LOCKED)) {
                            return null;
                        }
                    }
                    return null;
                }));
            }
            List<Long> underAttack = timedLogins(bystanders.subList(5, 10));
            for (Future<?> guesser : running) {
                guesser.get(60, TimeUnit.SECONDS);
            }
            System.out.printf("LoginGuessingTest: other users' logins, in ms: %s before the guessers, %s while ten "
                    + "guessers ran%n", quiet, underAttack);
        } finally {
            guessers.shutdownNow();
        }
        assertThat(answers.stream().filter(WRONG::equals).count()).as("guesses answered 'wrong' before the lock")
                .isLessThanOrEqualTo(5);
        assertThat(answers).contains(LOCKED);
        assertThat(throttled.get()).as("guesses refused with 429 by the login quotas").isPositive();
        for (String domain : domains) {
            HttpResponse<String> right = loginOnceAdmitted(name, PASSWORD, domain);
            assertThat(right.statusCode()).isEqualTo(401);
            assertThat(JsonPath.from(right.body()).getString("error_msg")).isEqualTo(LOCKED);
        }
        HttpResponse<String> elsewhere = loginOnceAdmitted(name, PASSWORD,
                "{\"name\":\"" + name + "\",\"id\":\"0123\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    /** One client address gets the operation's quota of logins per second (3 here), whatever users it names. */
    @Test
    void oneAddressIsThrottledBeforeAnyPasswordIsChecked() throws Exception {
        String address = nextAddress();
        List<Integer> statuses = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> answer = login("nobody-" + i, PASSWORD, domainByName("no-such-account"), address);
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 429) {
                policies.add(JsonPath.from(answer.body()).getString("error_msg"));
                assertThat(JsonPath.from(answer.body()).getString("error_code")).isEqualTo("APIG.0308");
                assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
            }
        }
        assertThat(statuses).contains(429).containsOnly(401, 429);
        assertThat(policies).allMatch(message -> message.contains("policy ip over ratelimit,limit:3"));
    }

    /** Many addresses guessing one user name share that user's quota of logins per second. */
    @Test
    void oneUserNameIsThrottledFromEveryAddress() throws Exception {
        String name = "target-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> answer = login(name.toUpperCase(), PASSWORD, domainByName("acct-x"), nextAddress());
            if (answer.statusCode() == 429) {
                refusals.add(JsonPath.from(answer.body()).getString("error_msg"));
            }
        }
        assertThat(refusals).isNotEmpty().allMatch(message -> message.contains("policy user over ratelimit"));
    }

    /** Each account's login, timed, one after the other. */
    private List<Long> timedLogins(List<GatewayTestSupport.Account> accounts) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (GatewayTestSupport.Account account : accounts) {
            long started = System.nanoTime();
            assertThat(login(account.name(), PASSWORD, domainByName(account.name()), nextAddress()).statusCode())
                    .isEqualTo(201);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return millis;
    }

    /** A login past the user name's quota, which the guesses just used up: asked again while it answers 429. */
    private HttpResponse<String> loginOnceAdmitted(String user, String password, String domain) throws Exception {
        HttpResponse<String> answer = login(user, password, domain, nextAddress());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answer.statusCode() == 429 && System.nanoTime() < deadline) {
            answer = login(user, password, domain, nextAddress());
        }
        return answer;
    }

    private HttpResponse<String> login(String user, String password, String domain, String address)
            throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"password\":\"" + password + "\",\"domain\":" + domain + "}}}}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort
                        + "/v3/auth/tokens")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String domainByName(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private static String domainById(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (1 + n % 250);
    }
}
