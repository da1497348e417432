package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.hash.Sha256;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.Watchdog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A money workload through the gateway (fund transfers, order payments, renewals), as a careful client sends it
 * (a write whose answer is unknown is sent again with the same key), while components are killed with SIGKILL in
 * turn and a {@link Watchdog} brings them back, as {@code ./bss up}'s supervisor does. Afterwards: the ledger's
 * invariants; exactly one ledger movement per trans_id and per order answered 2xx, at most one for the others;
 * nothing left pending; an audit record for every answered 2xx; and how long each kill kept the platform from
 * serving. {@code -Dchaos.kills} names the components (CI: billing-service and PostgreSQL; {@code ./bss chaos}: all
 * five), {@code -Dchaos.writes} the answered writes between kills.
 */
@ExtendWith(TestPlatform.class)
class ChaosIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KILLS = Arrays.asList(System.getProperty("chaos.kills",
            "billing-service,postgresql").split(","));
    private static final int WRITES_BETWEEN_KILLS = Integer.getInteger("chaos.writes", 40);
    private static final int CLIENTS = 4;
    private static final Duration BACK_WITHIN = Duration.ofSeconds(120);
    private static final String TRANSFER = "/v2/enterprises/multi-accounts/transfer-amount";
    private static final String PAY = "/v3/orders/customer-orders/pay";
    private static final String RENEW = "/v2/orders/subscriptions/resources/renew";

    /** One write as the client saw it: its key (trans_id or order id) and every answer to it, the last one final. */
    record Write(String kind, String key, List<Answer> answers) {

        boolean succeeded() {
            return !answers.isEmpty() && answers.getLast().ok();
        }
    }

    /** An answer: HTTP status and error code, or -1 when the connection failed; the gateway's request id. */
    record Answer(int status, String code, String requestId, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Whether the outcome is not known yet and the same write may be sent again for it. */
        boolean unknown() {
            return status < 0 || status >= 500 || status == 429 || "CBC.99007461".equals(code)
                    || "CBC.99003144".equals(code);
        }
    }

    final TestPlatform.Customer[] enterprise = TestPlatform.newEnterprise("1000000.00", null);
    final TestPlatform.Customer master = enterprise[0];
    final TestPlatform.Customer sub = enterprise[1];
    final SignedHttpClient client = master.signed();
    final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> resources = new ArrayList<>();

    @Test
    void everyAnsweredWriteHappensExactlyOnceWhileComponentsAreKilled() throws Exception {
        for (int i = 0; i < 8; i++) {
            String orderId = purchase();
            assertThat(pay(orderId).succeeded()).isTrue();
            resources.add(resourcesOf(orderId));
        }
        writes.clear();
        requests.set(0);
        Map<String, Duration> outages = new LinkedHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (Watchdog watchdog = TestPlatform.watchdog()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                workers.add(clients.submit(() -> work(client, running)));
            }
            for (String target : KILLS) {
                if (target.equals(Watchdog.POSTGRESQL) && !TestPlatform.embeddedDatabase()) {
                    System.out.println("ChaosIT: PostgreSQL is external (BSS_TEST_PG_URL), not killed");
                    continue;
                }
                awaitAnswered(answered.get() + WRITES_BETWEEN_KILLS);
                long killed = System.nanoTime();
                if (target.equals(Watchdog.POSTGRESQL)) {
                    TestPlatform.killDatabase();
                } else {
                    TestPlatform.service(target).kill();
                }
                outages.put(target, awaitServing(killed));
            }
            awaitAnswered(answered.get() + WRITES_BETWEEN_KILLS);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
        }
        awaitNothingPending();

        List<String> lost = new ArrayList<>();
        int answeredWrites = 0;
        try (Connection db = TestPlatform.database()) {
            for (Write write : writes) {
                List<String> movements = movements(db, write);
                if (!write.kind().equals("transfer")) {
                    boolean paid = paid(db, write.key());
                    if (movements.size() != (paid ? 1 : 0)) {
                        lost.add(write.kind() + " " + write.key() + " has " + movements.size()
                                + " ledger movements, its order " + (paid ? "is" : "is not") + " paid");
                    }
                }
                if (write.succeeded()) {
                    answeredWrites++;
                    if (!write.kind().endsWith("not answered") && movements.size() != 1) {
                        lost.add(write.kind() + " " + write.key() + " answered " + write.answers().getLast().status()
                                + " has " + movements.size() + " ledger movements " + movements);
                    }
                } else if (movements.size() > 1) {
                    lost.add(write.kind() + " " + write.key() + " (not answered 2xx) moved money "
                            + movements.size() + " times");
                }
            }
            lost.addAll(unaudited(db));
        }
        System.out.printf("ChaosIT: %d kills %s, %d requests, %d writes answered 2xx, %d lost or doubled, outage "
                + "per kill %s%n", outages.size(), outages.keySet(), requests.get(), answeredWrites, lost.size(),
                outages.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toMillis() / 1000.0 + " s")
                        .toList());
        assertThat(lost).as("answered writes lost, doubled or unaudited").isEmpty();
        assertThat(LedgerInvariants.broken()).isEmpty();
        assertThat(answeredWrites).isGreaterThanOrEqualTo(WRITES_BETWEEN_KILLS * (outages.size() + 1));
    }

    /** One client: transfers, payments of new orders and renewals, in turn, until told to stop. */
    private void work(int clientNumber, AtomicBoolean running) {
        for (int i = clientNumber; running.get(); i++) {
            switch (i % 3) {
                case 0 -> transfer();
                case 1 -> pay(purchase());
                default -> renew(resources.get(i % resources.size()));
            }
        }
    }

    private void transfer() {
        String transId = UUID.randomUUID().toString().replace("-", "");
        BigDecimal amount = BigDecimal.valueOf(1 + (transId.hashCode() & 0xff), 2);
        send("transfer", transId, TRANSFER, Map.of("customer_id", sub.id(), "amount", amount.toPlainString(),
                "trans_id", transId, "balance_type", EnterpriseIT.CASH), true);
    }

    private Write pay(String orderId) {
        return send("payment", orderId, PAY, Map.of("order_id", orderId, "use_coupon", "NO", "use_discount", "NO"),
                true);
    }

    /**
     * A renewal has no key: it is sent once, whatever happens (a client cannot know whether it renewed), and
     * checked by the orders it answers with.
     */
    private void renew(String resourceId) {
        Write write = send("renewal", resourceId, RENEW, Map.of("resource_ids", List.of(resourceId),
                "period_type", 2, "period_num", 1, "is_auto_pay", 1), false);
        writes.remove(write);
        if (write.succeeded()) {
            // an automatic payment that failed (billing away) leaves the renewal order waiting for payment, or to
            // the reconciler: the order is answered, its payment is not
            boolean paid = write.answers().getLast().body().path("fail_resource_infos").isEmpty();
            for (JsonNode orderId : write.answers().getLast().body().path("order_ids")) {
                writes.add(new Write(paid ? "renewal" : "renewal, payment not answered", orderId.asText(),
                        write.answers()));
            }
        }
    }

    /** Sends a write, and again with the same key while its outcome is unknown (when {@code again}). */
    private Write send(String kind, String key, String path, Map<String, Object> body, boolean again) {
        Write write = new Write(kind, key, new ArrayList<>());
        writes.add(write);
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (true) {
            Answer answer = post(path, body);
            write.answers().add(answer);
            if (!answer.unknown() || !again || System.nanoTime() > deadline) {
                if (answer.ok()) {
                    answered.incrementAndGet();
                }
                return write;
            }
            LockSupport.parkNanos(Duration.ofMillis(answer.status() == 429 ? 100 : 200).toNanos());
        }
    }

    private Answer post(String path, Map<String, Object> body) {
        requests.incrementAndGet();
        try {
            SignedHttpClient.Response response = client.send("POST", path, "",
                    JSON.writeValueAsBytes(body));
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.status(), json.path("error_code").asText(null),
                    response.header("X-Request-Id"), json);
        } catch (IOException e) {
            return new Answer(-1, e.getClass().getSimpleName(), null, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null, JSON.nullNode());
        }
    }

    /** A server and its disk ordered for the master (the cloud service's purchase, sent until it is taken). */
    private String purchase() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Map.of("idempotency_key", key, "customer_id", master.id(), "products",
                List.of(OrdersIT.product("vm", null, "hws.service.type.ec2", "hws.resource.type.vm",
                        "s6.small.1.linux", 1)));
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (true) {
            try {
                AdminClient.Answer answer = admin().send("POST", OrdersIT.ORDERS, order);
                if (answer.ok()) {
                    return answer.body().path("order_id").asText();
                }
                assertThat(answer.status()).as("purchase answered " + answer.body()).isGreaterThanOrEqualTo(500);
            } catch (io.openbss.launcher.LauncherException e) {
                // the gateway is down: the purchase is sent again
            }
            assertThat(System.nanoTime()).as("purchase taken within " + BACK_WITHIN).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private String resourcesOf(String orderId) throws SQLException {
        try (Connection db = TestPlatform.database(); PreparedStatement query = db.prepareStatement(
                "SELECT resource_id FROM orders.subscription WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("resource of order " + orderId).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Waits until the clients have had {@code count} writes answered 2xx in all. */
    private void awaitAnswered(int count) {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (answered.get() < count) {
            assertThat(System.nanoTime()).as(count + " writes answered within " + BACK_WITHIN).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /**
     * How long after {@code killed} a read of each service (balances from billing, orders, the enterprise's
     * transfer amount) is answered 200 again through the gateway.
     */
    private Duration awaitServing(long killed) {
        List<String> reads = List.of("/v2/accounts/customer-accounts/balances", "/v2/orders/customer-orders",
                "/v2/enterprises/multi-accounts/transfer-amount?balance_type=BALANCE_TYPE_DEBIT");
        for (String read : reads) {
            String[] pathAndQuery = read.split("\\?", 2);
            while (true) {
                assertThat(System.nanoTime() - killed).as("serving again within " + BACK_WITHIN)
                        .isLessThan(BACK_WITHIN.toNanos());
                try {
                    if (client.send("GET", pathAndQuery[0], pathAndQuery.length > 1 ? pathAndQuery[1] : "",
                            new byte[0]).status() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // the gateway is not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        return Duration.ofNanos(System.nanoTime() - killed);
    }

    /** Waits until the reconcilers have finished every payment and transfer that an outage left pending. */
    private void awaitNothingPending() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            long pending = count("SELECT count(*) FROM orders.customer_order WHERE customer_id = ? AND status = 3")
                    + count("SELECT count(*) FROM enterprise.transfer WHERE master_customer_id = ? "
                    + "AND status = 'PENDING'");
            if (pending == 0) {
                return;
            }
            assertThat(System.nanoTime()).as(pending + " payments or transfers still pending").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection db = TestPlatform.database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, master.id());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The ledger entries a write made: the transfer's, or the charges of the order. */
    private List<String> movements(Connection db, Write write) throws SQLException {
        boolean transfer = write.kind().equals("transfer");
        String sql = transfer ? "SELECT entry_id FROM billing.journal_entry WHERE idempotency_key = ?"
                : "SELECT entry_id FROM billing.journal_entry WHERE trade_id = ? AND trade_type = 'DEDUCT'";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, transfer ? "transfer:ENT" + Sha256.hex(master.id() + ":"
                    + write.key()).substring(0, 40) : write.key());
            List<String> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1));
                }
            }
            return entries;
        }
    }

    private static boolean paid(Connection db, String orderId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT status FROM orders.customer_order WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getInt(1) == 5;
            }
        }
    }

    /** Each write answered 2xx without exactly one audit record of that answer. */
    private List<String> unaudited(Connection db) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM iam.audit_record WHERE request_id = ? AND status = ?")) {
            for (Write write : writes) {
                Answer last = write.answers().isEmpty() ? null : write.answers().getLast();
                if (last == null || !last.ok()) {
                    continue;
                }
                query.setString(1, last.requestId());
                query.setInt(2, last.status());
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 1) {
                        missing.add(write.kind() + " " + write.key() + " answered " + last.status() + " (request "
                                + last.requestId() + ") has " + rs.getLong(1) + " audit records");
                    }
                }
            }
        }
        return missing;
    }
}
