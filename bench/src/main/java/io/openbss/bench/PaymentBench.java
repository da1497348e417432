package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * PayOrders through the gateway, signed with AK/SK as the SDK signs: customers (accounts with keys, registered and
 * funded in billing) have a server and its disk ordered for them by a cloud service through orders-service's
 * purchase API, then pay them. Each payment checks the signature, is routed with an internal token, records the
 * attempt, charges the ledger (two bill lines) and provisions two resources. The baseline in the same run is
 * ShowCustomerAccountBalances through the gateway (signature, routing, one indexed row).
 */
final class PaymentBench {

    static final double TARGET_ORDERS_PER_SECOND = 300;

    /**
     * Orders placed for the warm-up per order measured. 6,000 payments left the JIT still compiling (40-45 %); three
     * per order (18,000) ran out after 73-83 s with the JIT still at 4.4-10.5 % of the services' CPU (fourteenth and
     * fifteenth sessions), before the warm-up's own end (settled, or 120 s).
     */
    static final int WARM_UP_ORDERS_PER_ORDER = 5;

    private final BenchPlatform platform;
    private final int customers;

    PaymentBench(BenchPlatform platform, int customers) {
        this.platform = platform;
        this.customers = customers;
    }

    void run(int orders, int concurrency, Targets targets) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AdminClient admin = platform.admin();
        SignedHttpClient[] clients = new SignedHttpClient[customers];
        String[] ids = new String[customers];
        for (int c = 0; c < customers; c++) {
            JsonNode domain = admin.expect("POST", "/admin/v1/domains", Map.of("name", "payer" + run + c,
                    "kind", "individual"));
            ids[c] = domain.path("domain_id").asText();
            admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + ids[c],
                    Map.of("customer_name", "payer" + run + c));
            admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of("idempotency_key",
                    "bench-pay-" + ids[c], "customer_id", ids[c], "amount", new BigDecimal("10000000.00"),
                    "payment_channel_id", 2));
            JsonNode key = admin.expect("POST", "/admin/v1/domains/" + ids[c] + "/access-keys", Map.of());
            clients[c] = new SignedHttpClient(URI.create(platform.gateway()), key.path("access_key").asText(),
                    key.path("secret_key").asText(), ids[c]);
        }
        // orders of their own for the payments' warm-up, which stops once the JIT has settled (its orders left unpaid)
        String warmUp = run + "w";
        int warmUpOrders = WARM_UP_ORDERS_PER_ORDER * orders;
        Load.Figures created = place(warmUp, ids, warmUpOrders, concurrency);
        System.out.println("payments: " + created.line());
        place(run, ids, orders, concurrency);
        Load.warmUntilCompiled(platform, "payments: ", Integer.MAX_VALUE, concurrency, i -> clients[i % customers]
                .request("GET", "/v2/accounts/customer-accounts/balances", null, Map.of(), null, Instant.now()));
        String[] warmUpIds = orderIds(warmUp, warmUpOrders);
        Load.warmUntilCompiled(platform, "payments: ", warmUpOrders, concurrency, i -> pay(clients[i % customers],
                warmUpIds[i]));
        String[] orderIds = orderIds(run, orders);
        Load.Figures baseline = CpuBudget.measure(platform, "payments: ", () -> Load.run(
                "baseline: ShowCustomerAccountBalances via gateway", orders, concurrency,
                i -> clients[i % customers].request("GET", "/v2/accounts/customer-accounts/balances", null, Map.of(),
                        null, Instant.now())));
        Load.Figures paid = CpuBudget.measure(platform, "payments: ", () -> Load.run(
                "PayOrders via gateway (charge + provision)", orders, concurrency,
                i -> pay(clients[i % customers], orderIds[i])));
        targets.perSecond("payments: PayOrders via gateway", paid, TARGET_ORDERS_PER_SECOND, baseline);
        check(run, orders, targets);
    }

    /** {@code orders} orders placed through orders-service's purchase API, round the customers. */
    private Load.Figures place(String run, String[] customerIds, int orders, int concurrency) {
        String service = platform.serviceToken("orders-service");
        return Load.run("orders placed (internal purchase API)", orders, concurrency, i ->
                HttpRequest.newBuilder(URI.create(platform.orders() + "/internal/v1/purchases"))
                        .header("Authorization", service).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(purchase("bench-pay-" + run + "-" + i,
                                customerIds[i % customerIds.length]))).build());
    }

    private static HttpRequest pay(SignedHttpClient client, String orderId) {
        return client.request("POST", "/v3/orders/customer-orders/pay", null, Map.of(),
                ("{\"order_id\":\"" + orderId + "\",\"use_coupon\":\"NO\"}").getBytes(StandardCharsets.UTF_8),
                Instant.now());
    }

    private static String purchase(String key, String customer) {
        return "{\"idempotency_key\":\"" + key + "\",\"customer_id\":\"" + customer + "\",\"products\":["
                + "{\"id\":\"vm\",\"service_type_code\":\"hws.service.type.ec2\",\"resource_type_code\":"
                + "\"hws.resource.type.vm\",\"resource_spec_code\":\"s6.small.1.linux\",\"region_code\":\"cn-north-4\","
                + "\"period_type\":2,\"period_num\":1},"
                + "{\"id\":\"disk\",\"main_id\":\"vm\",\"service_type_code\":\"hws.service.type.ebs\","
                + "\"resource_type_code\":\"hws.resource.type.volume\",\"resource_spec_code\":\"SATA\","
                + "\"region_code\":\"cn-north-4\",\"period_type\":2,\"period_num\":1,\"resource_size\":40,"
                + "\"size_measure_id\":17}]}";
    }

    private String[] orderIds(String run, int orders) throws Exception {
        String[] ids = new String[orders];
        try (Connection db = platform.jdbc(); PreparedStatement query = db.prepareStatement(
                "SELECT creation_key, order_id FROM orders.customer_order WHERE creation_key LIKE ?")) {
            query.setString(1, "bench-pay-" + run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    ids[Integer.parseInt(key.substring(key.lastIndexOf('-') + 1))] = rows.getString(2);
                }
            }
        }
        return ids;
    }

    /** Every order of the run paid and charged once, with its two resources, and the journal summing to zero. */
    private void check(String run, int orders, Targets targets) throws Exception {
        try (Connection db = platform.jdbc(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FILTER (WHERE o.status = 5),
                       (SELECT count(*) FROM billing.journal_entry e JOIN orders.customer_order p
                           ON p.order_id = e.trade_id AND p.creation_key LIKE ? WHERE e.trade_type = 'DEDUCT'),
                       (SELECT count(DISTINCT e.trade_id) FROM billing.journal_entry e JOIN orders.customer_order p
                           ON p.order_id = e.trade_id AND p.creation_key LIKE ? WHERE e.trade_type = 'DEDUCT'),
                       (SELECT count(*) FROM orders.subscription s JOIN orders.customer_order p
                           ON p.order_id = s.order_id AND p.creation_key LIKE ?),
                       (SELECT coalesce(sum(amount), 0) FROM billing.journal_line)
                  FROM orders.customer_order o WHERE o.creation_key LIKE ?""")) {
            for (int i = 1; i <= 4; i++) {
                query.setString(i, "bench-pay-" + run + "-%");
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long paid = rs.getLong(1);
                long charges = rs.getLong(2);
                long charged = rs.getLong(3);
                long resources = rs.getLong(4);
                BigDecimal journal = rs.getBigDecimal(5);
                String measured = String.format("%d orders paid, %d ledger charges of %d orders, %d resources; "
                        + "journal lines sum %s", paid, charges, charged, resources, journal.toPlainString());
                System.out.println("payments: " + measured);
                targets.check("payments: each of the " + orders + " orders paid, charged once, provisioned", measured,
                        paid == orders && charges == orders && charged == orders && resources == 2L * orders
                                && journal.signum() == 0);
            }
        }
    }
}
