package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.ServiceProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM under load. While clients send state-changing signed calls through the gateway, the gateway (then
 * orders-service) is asked to stop. Every call answered 2xx has its effect stored and its audit record; every other
 * call was refused before it was performed (503, or no connection at all), never cut after it was accepted; the
 * process exits within the shutdown timeout, without audit failures in its log; then it is started again, whole.
 */
@ExtendWith(TestPlatform.class)
class GracefulShutdownIT {

    /** The default BSS_SHUTDOWN_TIMEOUT (15 s) for the calls in flight, and the rest of the JVM's shutdown. */
    static final Duration EXITS_WITHIN = Duration.ofSeconds(20);
    static final int CLIENTS = 4;
    static final String TRANSFER = "/v2/enterprises/multi-accounts/transfer-amount";
    static final String PAY = "/v3/orders/customer-orders/pay";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One call as its client saw it: its status and error code, or -1 and the I/O failure; when it was sent. */
    record Call(String key, String requestId, int status, String code, IOException failure, long sent,
            long answered) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Refused before it was performed: by a process shutting down, or with no connection to it. */
        boolean refused() {
            return status == 503 || failure instanceof ConnectException;
        }

        @Override
        public String toString() {
            return key + " (request " + requestId + ") " + (failure != null ? failure.toString()
                    : status + " " + code);
        }
    }

    @Test
    void theGatewayStoppedUnderLoadAnswersAndRecordsOrRefusesEveryCall() throws Exception {
        TestPlatform.Customer[] enterprise = TestPlatform.newEnterprise("100000.00", null);
        SignedHttpClient master = enterprise[0].signed();
        String sub = enterprise[1].id();
        ServiceProcess gateway = TestPlatform.service("gateway");
        Load load = new Load(transId -> send(master, TRANSFER, transId, Map.of("customer_id", sub, "amount", "1.00",
                "trans_id", transId, "balance_type", "BALANCE_TYPE_DEBIT")), previous -> UUID.randomUUID().toString());
        Stopped stopped;
        try {
            stopped = load.stopUnderLoad(gateway);
        } finally {
            load.close();
            TestPlatform.restart("gateway");
        }

        List<String> violations = new ArrayList<>();
        int performed = 0;
        String made;
        try (Connection db = TestPlatform.database()) {
            for (Call call : load.calls) {
                String transfer = one(db, "SELECT status FROM enterprise.transfer WHERE master_customer_id = ? "
                        + "AND trans_id = ?", enterprise[0].id(), call.key());
                List<String> audit = audit(db, call.requestId());
                if (call.ok()) {
                    performed++;
                    expect(violations, call, "SUCCEEDED".equals(transfer), "answered 2xx, transfer " + transfer);
                    expect(violations, call, audit.equals(List.of(String.valueOf(call.status()))),
                            "answered 2xx, audit records " + audit);
                } else if (call.refused()) {
                    expect(violations, call, transfer == null, "refused, yet transfer " + transfer);
                } else if (call.failure() != null) {
                    // no answer, not refused: the connection broke; the call must not have reached the gateway
                    expect(violations, call, audit.isEmpty() && transfer == null,
                            "cut after it was accepted: audit records " + audit + ", transfer " + transfer);
                } else {
                    violations.add(call + ": answered neither 2xx nor a refusal");
                }
            }
            made = one(db, "SELECT count(*) FROM enterprise.transfer WHERE master_customer_id = ? "
                    + "AND status = 'SUCCEEDED'", enterprise[0].id());
        }
        assertThat(violations).as(load.tally(stopped)).isEmpty();
        assertThat(made).as("transfers made").isEqualTo(String.valueOf(performed));
        assertThat(performed).as("calls answered 2xx").isGreaterThanOrEqualTo(CLIENTS * 3);
        assertThat(stopped.exit()).as("gateway exit after SIGTERM").isLessThan(EXITS_WITHIN);
        assertThat(stopped.log()).contains("shutting down: new requests are refused")
                .doesNotContain("ArC container not initialized").doesNotContain("was not written");
        assertThat(subCash(sub)).as("the sub-account's cash").isEqualByComparingTo(BigDecimal.valueOf(performed));

        // whole again
        Call after = send(master, TRANSFER, UUID.randomUUID().toString(), Map.of("customer_id", sub, "amount",
                "1.00", "trans_id", UUID.randomUUID().toString(), "balance_type", "BALANCE_TYPE_DEBIT"));
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
    }

    @Test
    void ordersServiceStoppedUnderLoadFinishesThePaymentsItAcceptedAndRefusesTheOthers() throws Exception {
        TestPlatform.Customer buyer = TestPlatform.newIndividual("100000.00");
        SignedHttpClient customer = buyer.signed();
        Queue<String> unpaid = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 40; i++) {
            unpaid.add(OrdersIT.purchase(buyer).path("order_id").asText());
        }
        ServiceProcess orders = TestPlatform.service("orders-service");
        // PayOrders is idempotent: a call that was not answered 2xx is sent again, until it is
        Load load = new Load(orderId -> send(customer, PAY, orderId, Map.of("order_id", orderId, "use_coupon", "NO")),
                previous -> previous == null || previous.ok() ? unpaid.poll() : previous.key());
        Stopped stopped;
        try {
            stopped = load.stopUnderLoad(orders);
        } finally {
            load.close();
            TestPlatform.restart("orders-service");
        }

        List<String> violations = new ArrayList<>();
        List<String> paid = new ArrayList<>();
        try (Connection db = TestPlatform.database()) {
            for (Call call : load.calls) {
                List<String> audit = audit(db, call.requestId());
                if (call.ok()) {
                    paid.add(call.key());
                    expect(violations, call, audit.equals(List.of(String.valueOf(call.status()))),
                            "answered 2xx, audit records " + audit);
                } else if (!call.refused()) {
                    violations.add(call + ": neither answered 2xx nor refused before it was performed");
                }
            }
            for (String orderId : load.keys()) {
                String status = one(db, "SELECT status FROM orders.customer_order WHERE order_id = ?", orderId);
                String charges = one(db, "SELECT count(*) FROM billing.journal_entry WHERE trade_id = ? "
                        + "AND trade_type = 'DEDUCT'", orderId);
                if (paid.contains(orderId)) {
                    expect(violations, orderId, "5".equals(status) && "1".equals(charges),
                            "paid: status " + status + ", charges " + charges);
                } else {
                    expect(violations, orderId, "6".equals(status) && "0".equals(charges),
                            "never paid: status " + status + ", charges " + charges);
                }
            }
        }
        assertThat(violations).as(load.tally(stopped)).isEmpty();
        assertThat(paid).as("payments answered 2xx").hasSizeGreaterThanOrEqualTo(CLIENTS * 3);
        assertThat(stopped.exit()).as("orders-service exit after SIGTERM").isLessThan(EXITS_WITHIN);
        assertThat(stopped.log()).contains("shutting down: new requests are refused");

        // whole again
        String next = OrdersIT.purchase(buyer).path("order_id").asText();
        Call after = send(customer, PAY, next, Map.of("order_id", next, "use_coupon", "NO"));
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
    }

    /** How the stop went: SIGTERM to exit, and what the process logged meanwhile. */
    record Stopped(Duration exit, String log, long sigterm) {
    }

    /**
     * {@link #CLIENTS} clients, each sending one call after the other until stopped, with keys from {@code next}
     * (given the client's previous call, null at first; no key ends the client).
     */
    static final class Load implements AutoCloseable {

        final Queue<Call> calls = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> running = new ArrayList<>();
        private volatile boolean stop;

        Load(Function<String, Call> send, Function<Call, String> next) {
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    String key = next.apply(null);
                    while (!stop && key != null) {
                        inFlight.incrementAndGet();
                        Call call;
                        try {
                            call = send.apply(key);
                        } finally {
                            inFlight.decrementAndGet();
                        }
                        calls.add(call);
                        key = next.apply(call);
                    }
                }));
            }
        }

        /**
         * Once every client has had calls answered and two are waiting for an answer, asks {@code process} to stop
         * (SIGTERM) and waits until it has exited; then stops the clients.
         */
        Stopped stopUnderLoad(ServiceProcess process) throws IOException {
            await(() -> calls.stream().filter(Call::ok).count() >= CLIENTS * 3L, "calls answered before the stop");
            await(() -> inFlight.get() >= 2, "calls in flight");
            Path log = TestPlatform.settings().logs().resolve(process.name() + ".log");
            long logged = Files.size(log);
            long sigterm = System.nanoTime();
            process.stop(Duration.ofSeconds(60));
            Duration exit = Duration.ofNanos(System.nanoTime() - sigterm);
            stop = true;
            byte[] all = Files.readAllBytes(log);
            Stopped stopped = new Stopped(exit, new String(all, (int) logged, all.length - (int) logged,
                    StandardCharsets.UTF_8), sigterm);
            System.out.println("GracefulShutdownIT, " + process.name() + " stopped: " + tally(stopped));
            return stopped;
        }

        /** The keys of every call. */
        List<String> keys() {
            return calls.stream().map(Call::key).distinct().toList();
        }

        /** What the clients saw, for a failure's message. */
        String tally(Stopped stopped) {
            long inFlightAtSigterm = calls.stream().filter(c -> c.sent() <= stopped.sigterm()
                    && c.answered() >= stopped.sigterm()).count();
            Map<String, Long> outcomes = new TreeMap<>();
            calls.forEach(c -> outcomes.merge(c.failure() != null ? c.failure().getClass().getSimpleName()
                    : c.status() + (c.code() == null ? "" : " " + c.code()), 1L, Long::sum));
            long answeredAfter = calls.stream().filter(c -> c.ok() && c.sent() <= stopped.sigterm()
                    && c.answered() >= stopped.sigterm()).count();
            return calls.size() + " calls " + outcomes + ", " + inFlightAtSigterm + " in flight at SIGTERM ("
                    + answeredAfter + " of them answered 2xx), exit after " + stopped.exit().toMillis() + " ms";
        }

        @Override
        public void close() throws Exception {
            stop = true;
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }

        private static void await(BooleanSupplier condition, String what) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as(what + " within 60 s").isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
    }

    /** One signed call with its own request id (which the gateway's audit record carries). */
    static Call send(SignedHttpClient client, String path, String key, Map<String, Object> body) {
        String requestId = "graceful-" + UUID.randomUUID();
        long sent = System.nanoTime();
        try {
            SignedHttpClient.Response answer = client.send("POST", path, null, Map.of("X-Request-Id", requestId),
                    JSON.writeValueAsBytes(body), Instant.now());
            String code = null;
            if (answer.status() >= 400) {
                JsonNode error = JSON.readTree(answer.body());
                code = error.path("error_code").asText(null);
            }
            return new Call(key, requestId, answer.status(), code, null, sent, System.nanoTime());
        } catch (IOException e) {
            return new Call(key, requestId, -1, null, e, sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(List<String> violations, Object what, boolean holds, String otherwise) {
        if (!holds) {
            violations.add(what + ": " + otherwise);
        }
    }

    /** The statuses of the audit records of a request id. */
    private static List<String> audit(Connection db, String requestId) throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT status FROM iam.audit_record WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
        }
        return statuses;
    }

    /** The first column of the first row, as text, or null when there is none. */
    private static String one(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** The sub-account's cash balance, from billing through the admin API. */
    private static BigDecimal subCash(String sub) {
        return TestPlatform.admin().expect("GET", "/admin/v1/services/billing/v1/customers/" + sub + "/funds", null)
                .path("cash").path("balance").asText().transform(BigDecimal::new);
    }
}
