package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo data set, loaded through the admin API and the services' internal APIs, so that loading it again
 * changes nothing: an enterprise master with two sub-accounts and an individual customer, each with AK/SK,
 * balances and orders in several states.
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
        for (DemoAccount account : ACCOUNTS) {
            String domainId = domain(account);
            ids.put(account, domainId);
            String[] key = accessKey(domainId, previous.get(account.envPrefix() + "AK"),
                    previous.get(account.envPrefix() + "SK"));
            credentials.put(account.envPrefix() + "AK", key[0]);
            credentials.put(account.envPrefix() + "SK", key[1]);
            credentials.put(account.envPrefix() + "DOMAIN_ID", domainId);
            billing(account, domainId);
        }
        enterprise(ids.get(MASTER), ids.get(SUB1), ids.get(SUB2));
        orders(ids);
        return credentials;
    }

    private String domain(DemoAccount account) {
        JsonNode found = admin.expect("GET", "/admin/v1/domains?name=" + account.name(), null).path("domains");
        if (found.size() > 0) {
            return found.get(0).path("domain_id").asText();
        }
        return admin.expect("POST", "/admin/v1/domains", Map.of("name", account.name(), "kind", account.kind()))
                .path("domain_id").asText();
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
                "amount", account.recharge(), "payment_channel", "BANK_TRANSFER", "remark", "demo opening balance"));
    }

    private void enterprise(String master, String dev, String ops) {
        String root = "org-" + master.substring(0, 8) + "-root";
        String rnd = "org-" + master.substring(0, 8) + "-rnd";
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/organizations/" + root,
                Map.of("name", MASTER.displayName()));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/organizations/" + rnd,
                Map.of("name", "R&D", "parent_id", root));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/sub-customers/" + dev,
                Map.of("account_name", SUB1.name(), "display_name", SUB1.displayName(), "org_id", rnd,
                        "financial_custody", 1));
        admin.expect("PUT", "/admin/v1/services/enterprise/v1/enterprises/" + master + "/sub-customers/" + ops,
                Map.of("account_name", SUB2.name(), "display_name", SUB2.displayName(), "org_id", root,
                        "financial_custody", 0));
    }

    private void orders(Map<DemoAccount, String> ids) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String master = ids.get(MASTER);
        List<Map<String, Object>> orders = new ArrayList<>();
        orders.add(order(master, 1, null, "hws.service.type.ec2", "弹性云服务器", 5, 1, "1386.00", "1247.40",
                now.minus(85, ChronoUnit.DAYS), true));
        orders.add(order(master, 2, null, "hws.service.type.ebs", "云硬盘", 5, 2, "345.00", "345.00",
                now.minus(54, ChronoUnit.DAYS), true));
        orders.add(order(master, 3, null, "hws.service.type.rds", "云数据库 RDS", 6, 1, "2210.00", "1989.00",
                now.minus(2, ChronoUnit.DAYS), false));
        orders.add(order(master, 4, null, "hws.service.type.obs", "对象存储服务", 4, 1, "99.00", "99.00",
                now.minus(40, ChronoUnit.DAYS), false));
        orders.add(order(master, 5, null, "hws.service.type.cdn", "内容分发网络", 3, 1, "500.00", "450.00",
                now.minus(1, ChronoUnit.DAYS), false));
        orders.add(order(master, 6, null, "hws.service.type.ebs", "云硬盘", 5, 4, "115.00", "115.00",
                now.minus(20, ChronoUnit.DAYS), true));
        String dev = ids.get(SUB1);
        orders.add(order(dev, 1, master, "hws.service.type.ec2", "弹性云服务器", 5, 1, "462.00", "415.80",
                now.minus(30, ChronoUnit.DAYS), true));
        orders.add(order(dev, 2, master, "hws.service.type.vpc", "虚拟私有云", 6, 1, "180.00", "180.00",
                now.minus(3, ChronoUnit.DAYS), false));
        String ops = ids.get(SUB2);
        orders.add(order(ops, 1, null, "hws.service.type.dcs", "分布式缓存服务", 5, 1, "240.00", "240.00",
                now.minus(12, ChronoUnit.DAYS), true));
        String individual = ids.get(INDIVIDUAL);
        orders.add(order(individual, 1, null, "hws.service.type.ec2", "弹性云服务器", 5, 1, "693.00", "693.00",
                now.minus(60, ChronoUnit.DAYS), true));
        orders.add(order(individual, 2, null, "hws.service.type.ebs", "云硬盘", 6, 1, "46.00", "46.00",
                now.minus(1, ChronoUnit.DAYS), false));
        admin.expect("POST", "/admin/v1/services/orders/v1/orders/imports", Map.of("orders", orders));
    }

    @SuppressWarnings("java:S107")
    private static Map<String, Object> order(String customer, int number, String payer, String serviceType,
            String serviceName, int status, int orderType, String official, String afterDiscount, Instant created,
            boolean paid) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", "CS" + customer.substring(0, 10).toUpperCase(Locale.ROOT) + String.format("%03d", number));
        order.put("customer_id", customer);
        if (payer != null) {
            order.put("payer_customer_id", payer);
        }
        order.put("service_type_code", serviceType);
        order.put("service_type_name", serviceName);
        order.put("source_type", 1);
        order.put("status", status);
        order.put("order_type", orderType);
        order.put("official_amount", new BigDecimal(official));
        order.put("amount_after_discount", new BigDecimal(afterDiscount));
        BigDecimal discount = new BigDecimal(official).subtract(new BigDecimal(afterDiscount));
        if (discount.signum() > 0) {
            order.put("discounts", List.of(Map.of("discount_type", "301", "discount_amount", discount)));
        }
        if (paid) {
            order.put("consumed_amount", new BigDecimal(afterDiscount));
            order.put("payment_time", created.plus(10, ChronoUnit.MINUTES).toString());
        }
        order.put("create_time", created.toString());
        return order;
    }
}
