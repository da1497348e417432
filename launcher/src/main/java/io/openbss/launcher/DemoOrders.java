package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.BssTime;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's yearly/monthly resources: those of the paid demo orders (some expiring within 7 days, with auto-renew
 * on and off, one converting to pay-per-use), an order waiting for payment, and a purchase that the sub-account paid
 * and unsubscribed, with its refund. Customers' own steps (paying, unsubscribing) are signed with their AK/SK
 * through the public API, as their platforms would do.
 */
final class DemoOrders {

    private static final String REGION = "cn-north-4";
    private static final String ORDERS = "/admin/v1/services/orders/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A resource of a paid demo order: when it expires (days after the demo was first loaded), and its policy. */
    record DemoResource(String orderId, String customer, String service, String serviceName, String type,
            String spec, int periodType, int periodNum, Instant effective, int expiresInDays, int expirePolicy,
            Integer autoRenewTimes, String disk) {
    }

    private final AdminClient admin;
    private final String endpoint;
    private final Instant epoch;

    DemoOrders(AdminClient admin, String endpoint, Instant epoch) {
        this.admin = admin;
        this.endpoint = endpoint;
        this.epoch = epoch;
    }

    /** Imports the resources of paid demo orders; those already there are left as they are. */
    void importResources(List<DemoResource> resources) {
        List<Map<String, Object>> mains = new ArrayList<>();
        List<Map<String, Object>> disks = new ArrayList<>();
        for (DemoResource r : resources) {
            String id = "demo-" + r.orderId().toLowerCase(Locale.ROOT);
            Instant expire = epoch.plus(r.expiresInDays(), ChronoUnit.DAYS);
            Map<String, Object> main = resource(id, null, r, r.service(), r.serviceName(), r.type(), r.spec(), expire);
            main.put("expire_policy", r.expirePolicy());
            main.put("auto_renew_times", r.autoRenewTimes());
            if (r.type().equals("hws.resource.type.volume")) {
                main.put("resource_size", 100);
                main.put("size_measure_id", 17);
            }
            mains.add(main);
            if (r.disk() != null) {
                Map<String, Object> disk = resource(id + "-disk", id, r, "hws.service.type.ebs", "云硬盘",
                        "hws.resource.type.volume", r.disk(), expire);
                disk.put("expire_policy", r.expirePolicy());
                disk.put("resource_size", 40);
                disk.put("size_measure_id", 17);
                disks.add(disk);
            }
        }
        admin.expect("POST", ORDERS + "/subscriptions/imports", Map.of("resources", mains));
        if (!disks.isEmpty()) {
            admin.expect("POST", ORDERS + "/subscriptions/imports", Map.of("resources", disks));
        }
    }

    private Map<String, Object> resource(String id, String main, DemoResource r, String service, String name,
            String type, String spec, Instant expire) {
        Map<String, Object> resource = new HashMap<>();
        resource.put("resource_id", id);
        resource.put("main_resource_id", main);
        resource.put("customer_id", r.customer());
        resource.put("order_id", r.orderId());
        resource.put("service_type_code", service);
        resource.put("service_type_name", name);
        resource.put("resource_type_code", type);
        resource.put("resource_spec_code", spec);
        resource.put("region_code", REGION);
        resource.put("resource_name", id);
        resource.put("period_type", r.periodType());
        resource.put("period_num", r.periodNum());
        resource.put("effective_time", BssTime.formatWire(r.effective()));
        resource.put("expire_time", BssTime.formatWire(expire));
        return resource;
    }

    /** A server with its disk ordered for {@code customer} by a cloud service: the order and its resource ids. */
    JsonNode purchase(String key, String customer, String spec) {
        Map<String, Object> vm = new HashMap<>(Map.of("id", "vm", "service_type_code", "hws.service.type.ec2",
                "service_type_name", "弹性云服务器", "resource_type_code", "hws.resource.type.vm",
                "resource_spec_code", spec, "region_code", REGION, "period_type", 2, "period_num", 1));
        Map<String, Object> disk = new HashMap<>(Map.of("id", "disk", "main_id", "vm",
                "service_type_code", "hws.service.type.ebs", "service_type_name", "云硬盘",
                "resource_type_code", "hws.resource.type.volume", "resource_spec_code", "SATA",
                "region_code", REGION, "period_type", 2, "period_num", 1));
        disk.put("resource_size", 40);
        disk.put("size_measure_id", 17);
        return admin.expect("POST", ORDERS + "/purchases", Map.of("idempotency_key", key, "customer_id", customer,
                "products", List.of(vm, disk)));
    }

    /**
     * The customer pays the order and, while its server is still in use, unsubscribes it: a refund order gives the
     * unused time back. Loading again repeats nothing.
     */
    void payAndUnsubscribe(DemoCredentials credentials, String prefix, JsonNode order) {
        SignedHttpClient customer = new SignedHttpClient(URI.create(endpoint), credentials.get(prefix + "AK"),
                credentials.get(prefix + "SK"), credentials.get(prefix + "DOMAIN_ID"));
        String orderId = order.path("order_id").asText();
        String server = order.path("resource_ids").get(0).asText();
        call(customer, "POST", "/v3/orders/customer-orders/pay",
                Map.of("order_id", orderId, "use_coupon", "NO", "use_discount", "NO"));
        JsonNode inUse = call(customer, "POST", "/v2/orders/suscriptions/resources/query",
                Map.of("resource_ids", List.of(server), "status_list", List.of(2)));
        if (inUse.path("total_count").asInt() > 0) {
            call(customer, "POST", "/v2/orders/subscriptions/resources/unsubscribe", Map.of("resource_ids",
                    List.of(server), "unsubscribe_type", 1, "unsubscribe_reason_type", 5,
                    "unsubscribe_reason", "demo: changed to a bigger server"));
        }
    }

    /** The customer has auto-renewal charge {@code days} before expiry (instead of 7). */
    void deductionDays(DemoCredentials credentials, String prefix, int days) {
        SignedHttpClient customer = new SignedHttpClient(URI.create(endpoint), credentials.get(prefix + "AK"),
                credentials.get(prefix + "SK"), credentials.get(prefix + "DOMAIN_ID"));
        call(customer, "POST", "/v2/orders/subscriptions/resources/renew/config",
                Map.of("config_name", "DEDUCTION_DATE", "config_value", String.valueOf(days)));
    }

    /** The enterprise master allocates cash to a sub-account (once: the trans_id is fixed). */
    void allocate(DemoCredentials credentials, String masterPrefix, String subId, String amount) {
        SignedHttpClient master = new SignedHttpClient(URI.create(endpoint), credentials.get(masterPrefix + "AK"),
                credentials.get(masterPrefix + "SK"), credentials.get(masterPrefix + "DOMAIN_ID"));
        call(master, "POST", "/v2/enterprises/multi-accounts/transfer-amount", Map.of("customer_id", subId,
                "amount", amount, "trans_id", "demo-allocation-" + subId, "balance_type", "BALANCE_TYPE_DEBIT"));
    }

    private static JsonNode call(SignedHttpClient client, String method, String path, Object body) {
        try {
            SignedHttpClient.Response response = client.send(method, path, null,
                    JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            if (response.status() != 200) {
                throw new LauncherException("demo data: " + method + " " + path + " answered " + response.status()
                        + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LauncherException("demo data: " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
