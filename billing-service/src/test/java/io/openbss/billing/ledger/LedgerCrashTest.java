package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The database kills the service's connections while charges and transfers are in flight. Requests caught by a
 * kill fail; sent again with the same key, each lands exactly once: afterwards every balance is what the
 * successful requests say, and the ledger's invariants hold.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class LedgerCrashTest {

    @Inject
    Pool pool;

    record Op(String path, Map<String, Object> body, String from, String to, BigDecimal amount) {
    }

    @Test
    void killedConnectionsLoseOrDoubleNothing() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(funded("1000.00"));
        }
        Map<String, BigDecimal> expected = new HashMap<>();
        customers.forEach(c -> expected.put(c, new BigDecimal("1000.00")));
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String a = customers.get(i % 4);
            String b = customers.get((i + 1) % 4);
            BigDecimal amount = BigDecimal.valueOf(100 + i, 2);
            if (i % 2 == 0) {
                Map<String, Object> body = Map.of("idempotency_key", "crash-c" + i + a, "customer_id", a,
                        "trade_id", "CS-crash-" + i, "lines", List.of(line("hws.service.type.ec2", amount.toPlainString())));
                ops.add(new Op("/internal/v1/ledger/charges", body, a, null, amount));
            } else {
                ops.add(new Op("/internal/v1/ledger/transfers", Map.of("idempotency_key", "crash-t" + i + a,
                        "from_customer_id", a, "to_customer_id", b, "amount", amount,
                        "balance_type", "BALANCE_TYPE_DEBIT"), a, b, amount));
            }
        }

        AtomicBoolean killing = new AtomicBoolean(true);
        AtomicInteger kills = new AtomicInteger();
        Thread killer = Thread.ofPlatform().start(() -> {
            String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
            String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
            String password = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                while (killing.get()) {
                    var rs = c.createStatement().executeQuery("""
                            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                             WHERE datname = current_database() AND pid <> pg_backend_pid()
                               AND backend_type = 'client backend' AND state <> 'idle'""");
                    rs.next();
                    kills.addAndGet(rs.getInt(1));
                    Thread.sleep(3);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        ExecutorService executor = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (Op op : ops) {
            results.add(executor.submit(() -> internal(op.path(), op.body()).extract().statusCode()));
        }
        List<Op> failed = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            int status = results.get(i).get();
            assertThat(status).isIn(200, 500);
            if (status == 500) {
                failed.add(ops.get(i));
            }
        }
        killing.set(false);
        killer.join();
        executor.shutdown();
        assertThat(kills.get()).as("connections killed").isPositive();
        assertThat(failed).as("requests caught by a kill").isNotEmpty();

        for (Op op : failed) {
            int status = 500;
            for (int attempt = 0; attempt < 10 && status == 500; attempt++) {
                status = internal(op.path(), op.body()).extract().statusCode();
            }
            assertThat(status).as("retry of %s", op.body().get("idempotency_key")).isEqualTo(200);
        }
        for (Op op : ops) {
            expected.merge(op.from(), op.amount().negate(), BigDecimal::add);
            if (op.to() != null) {
                expected.merge(op.to(), op.amount(), BigDecimal::add);
            }
        }
        LedgerProbe probe = new LedgerProbe(pool);
        for (String customer : customers) {
            assertThat(probe.balance(customer, "CASH")).as(customer).isEqualByComparingTo(expected.get(customer));
        }
        assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE idempotency_key LIKE '%:crash-%'"))
                .isEqualTo(ops.size());
        probe.assertInvariants();
    }
}
