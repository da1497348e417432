package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.time.BssTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's months of history, played through the real flows with the sandbox clock from the first demo day to
 * today, so that every order, payment, renewal, refund, transfer, change record and bill line is what the platform
 * itself wrote on that day. Each day at 10:00 (UTC+8): that day's steps (cloud services order, customers pay with
 * discounts, coupons and cards, renew, unsubscribe, allocate funds), then the previous day's usage is metered and
 * rated, then the resource lifecycle runs (auto-renewals, expiries, conversions to pay-per-use).
 */
final class DemoHistory {

    private static final String ORDERS = "/admin/v1/services/orders/v1";
    private static final String REGION = "cn-north-4";
    private static final String EC2 = "hws.service.type.ec2";
    private static final String PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

    /** Something a customer or a cloud service does on a day of the history (days after its first). */
    private record Step(int day, Runnable action) {
    }

    private final AdminClient admin;
    private final SandboxClock clock;
    private final DemoBilling billing;
    private final Map<DemoData.DemoAccount, CustomerView> customers;
    private final Map<DemoData.DemoAccount, String> ids;

    DemoHistory(AdminClient admin, SandboxClock clock, DemoBilling billing, Map<DemoData.DemoAccount, String> ids,
            Map<DemoData.DemoAccount, CustomerView> customers) {
        this.admin = admin;
        this.clock = clock;
        this.billing = billing;
        this.ids = ids;
        this.customers = customers;
    }

    /** Plays the history from {@code first} (the clock is there) to today, then returns the clock to real time. */
    void play(LocalDate first, LocalDate today) {
        List<Step> steps = steps(first, (int) ChronoUnit.DAYS.between(first, today));
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            clock.moveTo(BssTime.startOf(day).plus(Duration.ofHours(10)));
            int n = (int) ChronoUnit.DAYS.between(first, day);
            steps.stream().filter(s -> s.day() == n).forEach(s -> s.action().run());
            if (n > 0) {
                billing.usage(day.minusDays(1), day);
            }
            clock.runLifecycle();
        }
        clock.offset(Duration.ZERO);
        billing.usage(today.minusDays(1), today);
        billing.bandwidth(today);
        clock.runLifecycle();
    }

    private List<Step> steps(LocalDate first, int days) {
        DemoData.DemoAccount master = DemoData.MASTER;
        String masterId = ids.get(master);
        String dev = ids.get(DemoData.SUB1);
        String ops = ids.get(DemoData.SUB2);
        String individual = ids.get(DemoData.INDIVIDUAL);
        List<Step> steps = new ArrayList<>();
        // the master's web server: monthly, renewed automatically 2 days before it expires (its renew config)
        steps.add(new Step(2, () -> {
            customers.get(master).post("/v2/orders/subscriptions/resources/renew/config",
                    Map.of("config_name", "DEDUCTION_DATE", "config_value", "2"));
            JsonNode order = purchase("demo-web-server", masterId, null, server("web-server", "s6.large.2.linux", 2,
                    1), disk("web-server-disk", "SSD", 40, 2, 1));
            pay(master, order, null);
            customers.get(master).post("/v2/orders/subscriptions/resources/autorenew/"
                    + order.path("resource_ids").get(0).asText(), Map.of());
        }));
        // a data volume for three months, paid partly with the master's cash coupon (all of it)
        steps.add(new Step(3, () -> pay(master, purchase("demo-data-volume", masterId, null,
                volume("data-volume", "SSD", 200, 2, 3)), billing.couponId(masterId, "cash"))));
        // a load balancer for a year
        steps.add(new Step(4, () -> pay(master, purchase("demo-load-balancer", masterId, null,
                product("load-balancer", "hws.service.type.elb", "hws.resource.type.elb", "elbv3.basic.1az", 3, 1)),
                null)));
        // the individual's blog server for six months, with its ECS cash coupon
        steps.add(new Step(5, () -> pay(DemoData.INDIVIDUAL, purchase("demo-blog-server", individual, null,
                server("blog-server", "s6.small.1.linux", 2, 6)), billing.couponId(individual, "cash"))));
        // the development sub-account's server, paid by its master (financial custody)
        steps.add(new Step(7, () -> pay(master, purchase("demo-dev-server", dev, masterId,
                server("dev-server", "s6.medium.2.linux", 2, 2), disk("dev-server-disk", "SATA", 40, 2, 2)), null)));
        // the master allocates cash to the independent operations sub-account
        steps.add(new Step(10, () -> customers.get(master).post("/v2/enterprises/multi-accounts/transfer-amount",
                Map.of("customer_id", ops, "amount", "200.00", "trans_id", "demo-allocation-" + ops,
                        "balance_type", "BALANCE_TYPE_DEBIT"))));
        // a month in, the master buys a stored-value card: it pays before cash from then on
        steps.add(new Step(30, () -> billing.storedValueCard(first.plusDays(30))));
        // operations' cache for one month, changing to pay-per-use when it expires
        steps.add(new Step(12, () -> {
            JsonNode order = purchase("demo-ops-cache", ops, null, product("ops-cache", "hws.service.type.dcs",
                    "hws.resource.type.dcs.redis", "redis.ha.xu1.large.r2.2", 2, 1));
            pay(DemoData.SUB2, order, null);
            customers.get(DemoData.SUB2).post("/v2/orders/subscriptions/resources/to-on-demand", Map.of(
                    "operation", "SET_UP", "resource_ids", List.of(order.path("resource_ids").get(0).asText())));
        }));
        // the master renews its data volume for a month and pays at once (discounts and coupons apply)
        steps.add(new Step(20, () -> customers.get(master).post("/v2/orders/subscriptions/resources/renew",
                Map.of("resource_ids", List.of(resourceId("data-volume")), "period_type", 2, "period_num", 1,
                        "is_auto_pay", 1))));
        // operations buys a server, then unsubscribes it for a bigger one: a refund order gives the rest back
        steps.add(new Step(22, () -> pay(DemoData.SUB2, purchase("demo-ops-server", ops, null,
                server("ops-server", "s6.small.1.linux", 2, 1)), null)));
        steps.add(new Step(27, () -> customers.get(DemoData.SUB2).post(
                "/v2/orders/subscriptions/resources/unsubscribe", Map.of("resource_ids",
                        List.of(resourceId("ops-server")), "unsubscribe_type", 1, "unsubscribe_reason_type", 5,
                        "unsubscribe_reason", "demo: changed to a bigger server"))));
        // an order the master cancelled, and two waiting for payment: the master's database, the individual's disk
        steps.add(new Step(days - 3, () -> customers.get(master).put("/v2/orders/customer-orders/cancel",
                Map.of("order_id", purchase("demo-cancelled-server", masterId, null, server("test-server",
                        "s6.xlarge.2.linux", 2, 1)).path("order_id").asText()))));
        steps.add(new Step(days - 2, () -> purchase("demo-pending-database", masterId, null, product("database",
                "hws.service.type.rds", "hws.resource.type.rds.vm", "rds.mysql.n1.xlarge.2.ha", 2, 1))));
        steps.add(new Step(days - 1, () -> purchase("demo-pending-disk", individual, null,
                volume("blog-media", "SATA", 100, 2, 1))));
        return steps;
    }

    /** An order a cloud service places for the customer (paid by {@code payer} when given). */
    @SafeVarargs
    private JsonNode purchase(String key, String customer, String payer, Map<String, Object>... products) {
        Map<String, Object> body = new HashMap<>(Map.of("idempotency_key", key + "-" + customer,
                "customer_id", customer, "products", List.of(products)));
        if (payer != null) {
            body.put("payer_customer_id", payer);
        }
        return admin.expect("POST", ORDERS + "/purchases", body);
    }

    /** The account pays the order: with the best discount, its stored-value cards, and the coupon if given. */
    private void pay(DemoData.DemoAccount account, JsonNode order, String couponId) {
        Map<String, Object> body = new HashMap<>(Map.of("order_id", order.path("order_id").asText()));
        if (couponId != null) {
            body.put("use_coupon", "YES");
            body.put("coupon_infos", List.of(Map.of("id", couponId, "type", 302)));
        }
        customers.get(account).post("/v3/orders/customer-orders/pay", body);
    }

    private String resourceId(String name) {
        return "demo-" + name;
    }

    private Map<String, Object> server(String name, String spec, int periodType, int periodNum) {
        return product(name, EC2, "hws.resource.type.vm", spec, periodType, periodNum);
    }

    private Map<String, Object> volume(String name, String spec, int gigabytes, int periodType, int periodNum) {
        Map<String, Object> volume = product(name, "hws.service.type.ebs", "hws.resource.type.volume", spec,
                periodType, periodNum);
        volume.put("resource_size", gigabytes);
        volume.put("size_measure_id", 17);
        return volume;
    }

    /** A disk attached to the server ordered with it (the order's first product). */
    private Map<String, Object> disk(String name, String spec, int gigabytes, int periodType, int periodNum) {
        Map<String, Object> disk = volume(name, spec, gigabytes, periodType, periodNum);
        disk.put("main_id", "p0");
        disk.put("id", "p1");
        return disk;
    }

    private Map<String, Object> product(String name, String service, String type, String spec, int periodType,
            int periodNum) {
        Map<String, Object> product = new HashMap<>();
        product.put("id", "p0");
        product.put("resource_id", resourceId(name));
        product.put("resource_name", name);
        product.put("service_type_code", service);
        product.put("resource_type_code", type);
        product.put("resource_spec_code", spec);
        product.put("region_code", REGION);
        // the region's project of the demo, and the default enterprise project ("0") every account has
        product.put("project_id", PROJECT);
        product.put("enterprise_project_id", "0");
        product.put("enterprise_project_name", "default");
        product.put("period_type", periodType);
        product.put("period_num", periodNum);
        return product;
    }
}
