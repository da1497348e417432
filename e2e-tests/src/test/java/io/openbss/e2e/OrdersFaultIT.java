package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.PayCustomerOrderV3Req;
import com.huaweicloud.sdk.bss.v2.model.PayOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * billing-service is killed (SIGKILL) while many payments and renewals are in flight. Once it is back and the
 * reconcilers have run, every order is either paid once and provisioned, or unpaid and not provisioned, and the
 * ledger's invariants hold.
 */
@ExtendWith(TestPlatform.class)
class OrdersFaultIT {


    final TestPlatform.Customer buyer = TestPlatform.newIndividual("100000.00");
    final BssClient customer = buyer.client();
    final String customerId = buyer.id();

    @Test
    void billingKilledDuringPaymentsAndRenewalsChargesEveryOrderOnceOrNotAtAll() throws Exception {
        Timestamp started = Timestamp.from(Instant.now().minusSeconds(1));
        List<String> renewable = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonNode order = purchase();
            pay(order.path("order_id").asText());
            renewable.add(order.path("resource_ids").get(0).asText());
        }
        List<String> unpaid = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            unpaid.add(purchase().path("order_id").asText());
        }

        CountDownLatch firstDone = new CountDownLatch(4);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        try {
            for (String orderId : unpaid) {
                calls.add(clients.submit(() -> attempt(() -> pay(orderId), firstDone)));
            }
            for (String resourceId : renewable) {
                calls.add(clients.submit(() -> attempt(() -> customer.renewalResources(new RenewalResourcesRequest()
                        .withBody(new RenewalResourcesReq().withResourceIds(List.of(resourceId)).withPeriodType(2)
                                .withPeriodNum(1).withIsAutoPay(1))), firstDone)));
            }
            assertThat(firstDone.await(60, TimeUnit.SECONDS)).isTrue();
            TestPlatform.service("billing-service").kill();
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdown();
            TestPlatform.restart("billing-service");
        }

        // the reconciler takes over after its grace period (30 s) and runs every 10 s
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (processing() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
        assertThat(processing()).as("orders still being paid").isZero();

        try (Connection db = TestPlatform.database()) {
            int paid = 0;
            for (Map.Entry<String, int[]> order : ordersOf(db, started).entrySet()) {
                int status = order.getValue()[0];
                int type = order.getValue()[1];
                long charges = count(db, "SELECT count(*) FROM billing.journal_entry WHERE trade_id = ? "
                        + "AND trade_type = 'DEDUCT'", order.getKey());
                long provisioned = count(db, "SELECT count(*) FROM orders.order_line l JOIN orders.subscription s "
                        + "ON s.resource_id = l.resource_id AND s.order_id = l.order_id WHERE l.order_id = ?",
                        order.getKey());
                if (status == 5) {
                    paid++;
                    assertThat(charges).as("charges of paid order " + order.getKey()).isEqualTo(1);
                    if (type == 1) {
                        assertThat(provisioned).as("resources of " + order.getKey()).isEqualTo(2);
                    }
                } else {
                    assertThat(status).as("order " + order.getKey()).isIn(4, 6);
                    assertThat(charges).as("charges of unpaid order " + order.getKey()).isZero();
                    assertThat(provisioned).as("resources of unpaid order " + order.getKey()).isZero();
                }
            }
            assertThat(paid).isGreaterThan(6);
            assertThat(count(db, "SELECT count(*) FROM billing.ledger_account a WHERE a.balance IS NOT NULL "
                    + "AND a.balance <> (SELECT coalesce(sum(l.amount), 0) FROM billing.journal_line l "
                    + "WHERE l.account_id = a.account_id)", null)).isZero();
            try (ResultSet sum = db.createStatement().executeQuery(
                    "SELECT coalesce(sum(amount), 0) FROM billing.journal_line")) {
                sum.next();
                assertThat(sum.getBigDecimal(1)).isZero();
            }
        }
    }

    private static void attempt(Runnable call, CountDownLatch done) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // refused, in progress or the connection dropped: the database decides below
        } finally {
            done.countDown();
        }
    }

    private long processing() throws Exception {
        try (Connection db = TestPlatform.database()) {
            return count(db, "SELECT count(*) FROM orders.customer_order WHERE customer_id = ? AND status = 3",
                    customerId);
        }
    }

    /** The purchases and renewals this test made. */
    private Map<String, int[]> ordersOf(Connection db, Timestamp since) throws Exception {
        Map<String, int[]> orders = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT order_id, status, order_type FROM orders.customer_order WHERE customer_id = ? "
                        + "AND order_type IN (1, 2) AND create_time >= ?")) {
            query.setString(1, customerId);
            query.setTimestamp(2, since);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    orders.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
                }
            }
        }
        return orders;
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void pay(String orderId) {
        customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req().withOrderId(orderId)
                .withUseCoupon("NO")));
    }

    private JsonNode purchase() {
        Map<String, Object> vm = new HashMap<>(Map.of("id", "vm", "service_type_code", "hws.service.type.ec2",
                "resource_type_code", "hws.resource.type.vm", "resource_spec_code", "s6.small.1.linux",
                "region_code", "cn-north-4", "period_type", 2, "period_num", 1));
        Map<String, Object> disk = new HashMap<>(Map.of("id", "disk", "main_id", "vm",
                "service_type_code", "hws.service.type.ebs", "resource_type_code", "hws.resource.type.volume",
                "resource_spec_code", "SATA", "region_code", "cn-north-4", "period_type", 2, "period_num", 1));
        disk.put("resource_size", 40);
        disk.put("size_measure_id", 17);
        return admin().expect("POST", "/admin/v1/services/orders/v1/purchases", Map.of(
                "idempotency_key", UUID.randomUUID().toString(), "customer_id", customerId,
                "products", List.of(vm, disk)));
    }
}
