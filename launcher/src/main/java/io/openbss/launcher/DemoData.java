package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.discount.DiscountKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo data set, loaded through the admin API and the services' internal APIs, so that loading it again
 * changes nothing: an enterprise master with two sub-accounts and an individual customer, each with AK/SK,
 * balances, orders in several states, coupons, resource packages and months of bills (see {@link DemoBilling}).
 * Every time derives from when the demo was first loaded (the master account's creation).
 */
public final class DemoData {

    /** One demo account and the env-file prefix of its credentials. */
    public record DemoAccount(String name, String kind, String envPrefix, String displayName, BigDecimal recharge,
            BigDecimal creditLimit) {
    }

    public static final DemoAccount MASTER = new DemoAccount("demo-enterprise", "enterprise_master", "BSS_",
            "Demo Enterprise", new BigDecimal("10000.00"), new BigDecimal("5000.00"));
    public static final DemoAccount SUB1 = new DemoAccount("demo-sub-dev", "enterprise_sub", "BSS_SUB1_",
            "Development", new BigDecimal("800.00"), null);
    public static final DemoAccount SUB2 = new DemoAccount("demo-sub-ops", "enterprise_sub", "BSS_SUB2_",
            "Operations", new BigDecimal("300.00"), null);
    public static final DemoAccount INDIVIDUAL = new DemoAccount("demo-individual", "individual",
            "BSS_INDIVIDUAL_", "Individual", new BigDecimal("1200.00"), null);
    public static final List<DemoAccount> ACCOUNTS = List.of(MASTER, SUB1, SUB2, INDIVIDUAL);

    private final AdminClient admin;
    private final String endpoint;

    public DemoData(AdminClient admin, String endpoint) {
        this.admin = admin;
        this.endpoint = endpoint;
    }

    /** Loads (or finds) the demo data and returns its credentials, reusing the keys of {@code previous}. */
    public DemoCredentials load(DemoCredentials previous) {
        DemoCredentials credentials = DemoCredentials.empty();
        credentials.put("BSS_ENDPOINT", endpoint);
        Map<DemoAccount, String> ids = new LinkedHashMap<>();
        Instant epoch = null;
        for (DemoAccount account : ACCOUNTS) {
            JsonNode domain = domain(account);
            String domainId = domain.path("domain_id").asText();
            epoch = epoch == null ? Instant.parse(domain.path("created_at").asText()) : epoch;
            ids.put(account, domainId);
            String[] key = accessKey(domainId, previous.get(account.envPrefix() + "AK"),
                    previous.get(account.envPrefix() + "SK"));
            credentials.put(account.envPrefix() + "AK", key[0]);
            credentials.put(account.envPrefix() + "SK", key[1]);
            credentials.put(account.envPrefix() + "DOMAIN_ID", domainId);
            billing(account, domainId);
        }
        enterprise(ids.get(MASTER), ids.get(SUB1), ids.get(SUB2));
        new DemoUsers(admin, endpoint).load(ids);
        credentials.put("BSS_PASSWORD", DemoUsers.PASSWORD);
        DemoBilling billing = new DemoBilling(admin, epoch, Instant.now());
        billing.load(ids.get(MASTER), ids.get(SUB1), ids.get(SUB2), ids.get(INDIVIDUAL));
        orders(ids, epoch.truncatedTo(ChronoUnit.SECONDS), billing, credentials);
        return credentials;
    }

    private JsonNode domain(DemoAccount account) {
        JsonNode found = admin.expect("GET", "/admin/v1/domains?name=" + account.name(), null).path("domains");
        if (found.size() > 0) {
            return found.get(0);
        }
        Map<String, Object> domain = new HashMap<>(Map.of("name", account.name(), "kind", account.kind()));
        if (account == MASTER) {
            // the enterprise's phone: sub-accounts created with use_pri_mobile_phone=Y share it
            domain.put("mobile_phone", "+86-13800000000");
        }
        return admin.expect("POST", "/admin/v1/domains", domain);
    }

    /** The key from the previous env file while it is still active, else a new one. */
    private String[] accessKey(String domainId, String previousAk, String previousSk) {
        if (previousAk != null && previousSk != null) {
            for (JsonNode key : admin.expect("GET", "/admin/v1/domains/" + domainId + "/access-keys", null)
                    .path("access_keys")) {
                if (key.path("access_key").asText().equals(previousAk) && key.path("status").asText().equals("active")) {
                    return new String[] {previousAk, previousSk};
                }
            }
        }
        JsonNode created = admin.expect("POST", "/admin/v1/domains/" + domainId + "/access-keys",
                Map.of("description", "demo key"));
        return new String[] {created.path("access_key").asText(), created.path("secret_key").asText()};
    }

    private void billing(DemoAccount account, String domainId) {
        Map<String, Object> registration = new HashMap<>();
        registration.put("customer_name", account.name());
        if (account.creditLimit() != null) {
            registration.put("credit_limit", account.creditLimit());
        }
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + domainId, registration);
        admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of(
                "idempotency_key", "demo-initial-" + domainId, "customer_id", domainId,
                "amount", account.recharge(), "payment_channel_id", 2, "remark", "demo opening balance"));
    }

    private void enterprise(String master, String dev, String ops) {
        // organization units are parties with numeric ids; these derive from the master's id, so reloading finds them
        String root = Long.toUnsignedString(Long.parseUnsignedLong(master.substring(0, 12), 16) * 10);
        String rnd = Long.toUnsignedString(Long.parseUnsignedLong(master.substring(0, 12), 16) * 10 + 1);
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/organizations/" + root,
                Map.of("name", MASTER.displayName()));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/organizations/" + rnd,
                Map.of("name", "R&D", "parent_id", root));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/sub-customers/" + dev,
                Map.of("account_name", SUB1.name(), "display_name", SUB1.displayName(), "org_id", rnd,
                        "financial_custody", 1));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/sub-customers/" + ops,
                Map.of("account_name", SUB2.name(), "display_name", SUB2.displayName(), "org_id", root,
                        "financial_custody", 0, "permission_ids", List.of("READ_CONSUME_BILL")));
    }

    /** A demo order; paid new purchases and renewals are charged through the ledger for {@code months}. */
    private record DemoOrder(String customer, int number, String payer, String serviceType, String serviceName,
            String resourceType, int status, int orderType, String official, String afterDiscount, int daysAgo,
            boolean paid, int months) {

        String orderId() {
            return "CS" + customer.substring(0, 10).toUpperCase(Locale.ROOT) + String.format("%03d", number);
        }
    }

    private void orders(Map<DemoAccount, String> ids, Instant epoch, DemoBilling billing,
            DemoCredentials credentials) {
        String master = ids.get(MASTER);
        String dev = ids.get(SUB1);
        String ops = ids.get(SUB2);
        String individual = ids.get(INDIVIDUAL);
        String vm = "hws.resource.type.vm";
        String volume = "hws.resource.type.volume";
        List<DemoOrder> orders = List.of(
                new DemoOrder(master, 1, null, "hws.service.type.ec2", "弹性云服务器", vm, 5, 1, "1386.00", "1247.40",
                        85, true, 12),
                new DemoOrder(master, 2, null, "hws.service.type.ebs", "云硬盘", volume, 5, 2, "345.00", "345.00", 54,
                        true, 3),
                new DemoOrder(master, 3, null, "hws.service.type.rds", "云数据库 RDS", "hws.resource.type.rds.vm", 6, 1,
                        "2210.00", "1989.00", 2, false, 0),
                new DemoOrder(master, 4, null, "hws.service.type.obs", "对象存储服务", "hws.resource.type.obs", 4, 1,
                        "99.00", "99.00", 40, false, 0),
                new DemoOrder(master, 5, null, "hws.service.type.cdn", "内容分发网络", "hws.resource.type.cdn", 3, 1,
                        "500.00", "450.00", 1, false, 0),
                new DemoOrder(master, 6, null, "hws.service.type.ebs", "云硬盘", volume, 5, 4, "115.00", "115.00", 20,
                        true, 0),
                new DemoOrder(dev, 1, master, "hws.service.type.ec2", "弹性云服务器", vm, 5, 1, "462.00", "415.80", 30,
                        true, 3),
                new DemoOrder(dev, 2, master, "hws.service.type.vpc", "虚拟私有云", "hws.resource.type.bandwidth", 6, 1,
                        "180.00", "180.00", 3, false, 0),
                new DemoOrder(ops, 1, null, "hws.service.type.dcs", "分布式缓存服务", "hws.resource.type.dcs.redis", 5,
                        1, "240.00", "240.00", 12, true, 1),
                new DemoOrder(individual, 1, null, "hws.service.type.ec2", "弹性云服务器", vm, 5, 1, "693.00", "693.00",
                        60, true, 6),
                new DemoOrder(individual, 2, null, "hws.service.type.ebs", "云硬盘", volume, 6, 1, "46.00", "46.00", 1,
                        false, 0));
        admin.expect("POST", "/admin/v1/services/orders/v1/orders/imports", Map.of("orders",
                orders.stream().map(o -> order(o, epoch)).toList()));
        for (DemoOrder o : orders) {
            if (o.months() > 0) {
                boolean withCoupon = o.orderId().equals(orders.get(1).orderId())
                        || o.customer().equals(individual);
                List<String> coupons = withCoupon ? List.of(billing.couponId(o.customer(), "cash")) : List.of();
                billing.purchase(o.customer(), o.payer(), o.orderId(), o.serviceType(), o.resourceType(),
                        o.official(), o.afterDiscount(), paidAt(o, epoch), o.months(), coupons);
            }
        }
        DemoOrders subscriptions = new DemoOrders(admin, endpoint, epoch);
        // the master's auto-renewals charge 2 days before expiry: its server expiring in 5 days waits for that day
        subscriptions.deductionDays(credentials, MASTER.envPrefix(), 2);
        String ec2 = "hws.service.type.ec2";
        String ecs = "弹性云服务器";
        subscriptions.importResources(List.of(
                // within 7 days of expiry: auto-renewal (3 times) pays for it from its deduction day, at 03:00 UTC+8
                new DemoOrders.DemoResource(orders.get(0).orderId(), master, ec2, ecs, vm, "s6.large.2.linux", 3, 1,
                        paidAt(orders.get(0), epoch), 5, 3, 3, "SSD"),
                // within 7 days of expiry without auto-renewal: it will expire into its retention period
                new DemoOrders.DemoResource(orders.get(1).orderId(), master, "hws.service.type.ebs", "云硬盘", volume,
                        "SSD", 2, 3, paidAt(orders.get(1), epoch), 3, 0, null, null),
                // converts to pay-per-use at expiry
                new DemoOrders.DemoResource(orders.get(6).orderId(), dev, ec2, ecs, vm, "s6.medium.2.linux", 2, 3,
                        paidAt(orders.get(6), epoch), 60, 1, null, "SATA"),
                new DemoOrders.DemoResource(orders.get(8).orderId(), ops, "hws.service.type.dcs", "分布式缓存服务",
                        "hws.resource.type.dcs.redis", "redis.ha.xu1.large.r2.2", 2, 1, paidAt(orders.get(8), epoch),
                        18, 0, null, null),
                new DemoOrders.DemoResource(orders.get(9).orderId(), individual, ec2, ecs, vm, "s6.small.1.linux", 2,
                        6, paidAt(orders.get(9), epoch), 120, 0, null, null)));
        // an order with its line items, waiting for the individual's payment
        subscriptions.purchase("demo-pending-" + individual, individual, "s6.small.1.linux");
        // bought, paid and unsubscribed by the independent sub-account (with funds its master allocated): a refund
        // order gave back the unused time
        subscriptions.allocate(credentials, MASTER.envPrefix(), ops, "200.00");
        subscriptions.payAndUnsubscribe(credentials, SUB2.envPrefix(),
                subscriptions.purchase("demo-refunded-" + ops, ops, "s6.small.1.linux"));
    }

    private static Instant paidAt(DemoOrder o, Instant epoch) {
        return epoch.minus(o.daysAgo(), ChronoUnit.DAYS).plus(10, ChronoUnit.MINUTES);
    }

    private static Map<String, Object> order(DemoOrder o, Instant epoch) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", o.orderId());
        order.put("customer_id", o.customer());
        if (o.payer() != null) {
            order.put("payer_customer_id", o.payer());
        }
        order.put("service_type_code", o.serviceType());
        order.put("service_type_name", o.serviceName());
        order.put("source_type", 1);
        order.put("status", o.status());
        order.put("order_type", o.orderType());
        order.put("official_amount", new BigDecimal(o.official()));
        order.put("amount_after_discount", new BigDecimal(o.afterDiscount()));
        BigDecimal discount = new BigDecimal(o.official()).subtract(new BigDecimal(o.afterDiscount()));
        if (discount.signum() > 0) {
            order.put("discounts", List.of(Map.of("discount_type", DiscountKind.COMMERCIAL.wire(),
                    "discount_amount", discount)));
        }
        if (o.paid()) {
            order.put("consumed_amount", new BigDecimal(o.afterDiscount()));
            order.put("payment_time", paidAt(o, epoch).toString());
        }
        order.put("create_time", epoch.minus(o.daysAgo(), ChronoUnit.DAYS).toString());
        return order;
    }
}
