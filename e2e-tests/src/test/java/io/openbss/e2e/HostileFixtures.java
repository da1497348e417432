package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static io.openbss.e2e.TestPlatform.domainId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.BssTime;
import io.openbss.e2e.Baselines.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The objects the hostile suite's baselines name, found in the demo data or made on the running platform. */
final class HostileFixtures {

    private HostileFixtures() {
    }

    /**
     * What the baselines name: the demo master's orders, organization, coupons and resource packages; a coupon given
     * to its independent sub-account; a verification code for a new sub-account; a fresh customer with three pending
     * orders, four paid subscriptions, a refund and an X-Auth-Token of its own user (for the suite to revoke); and an
     * account to log in to with a password.
     */
    static Fixtures make() throws Exception {
        LocalDate today = BssTime.businessDate(Instant.now());
        SignedHttpClient master = TestPlatform.signed("BSS_");
        String masterId = domainId("BSS_");
        String subId = domainId("BSS_SUB2_");

        JsonNode orders = call(master, "GET", "/v2/orders/customer-orders", "limit=100", null).path("order_infos");
        String masterOrder = null;
        for (JsonNode order : orders) {
            if (order.path("status").asInt() == 5 && masterOrder == null) {
                masterOrder = order.path("order_id").asText();
            }
        }
        String orgId = call(master, "GET", "/v2/enterprises/multi-accounts/enterprise-organizations",
                "recursive_query=1", null).path("child_nodes").get(0).path("id").asText();
        String couponId = call(master, "GET", "/v2/enterprises/multi-accounts/transfer-coupons", "limit=100", null)
                .path("avail_transfer_coupons").get(0).path("coupon_id").asText();
        String subCouponId = call(master, "POST", "/v2/enterprises/multi-accounts/transfer-coupon", null,
                Map.of("customer_id", subId, "coupon_id", couponId, "amount", "0.01", "trans_id",
                        UUID.randomUUID().toString())).path("sub_coupon_id").asText();
        String freeResourceId = call(master, "POST", "/v3/payments/free-resources/query", null, Map.of())
                .path("free_resource_packages").get(0).path("free_resources").get(0).path("free_resource_id")
                .asText();

        TestPlatform.Customer customer = TestPlatform.newIndividual("100000.00");
        String digits = String.format("%08d", Math.floorMod(customer.id().hashCode(), 100_000_000));
        String newSubPhone = "+86-137" + digits;
        call(master, "POST", "/v2/enterprises/multi-accounts/sm-verification-code", null,
                Map.of("mobile_phone", newSubPhone, "timeout", 30));
        String code = lastCode(newSubPhone);

        SignedHttpClient buyer = customer.signed();
        String payOrder = purchase(customer.id()).path("order_id").asText();
        String cancelOrder = purchase(customer.id()).path("order_id").asText();
        String pendingOrder = purchase(customer.id()).path("order_id").asText();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode order = purchase(customer.id());
            call(buyer, "POST", "/v3/orders/customer-orders/pay", null, Map.of("order_id",
                    order.path("order_id").asText(), "use_coupon", "NO", "use_discount", "NO"));
            servers.add(order.path("resource_ids").get(0).asText());
        }
        String refundOrder = call(buyer, "POST", "/v2/orders/subscriptions/resources/unsubscribe", null,
                Map.of("resource_ids", List.of(servers.get(4)), "unsubscribe_type", 1)).path("order_ids").get(0)
                .asText();

        SignedHttpClient.Response token = buyer.send("POST", "/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"hw_ak_sk\"]}}}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.status()).as("an AK/SK token: %s", token.body()).isEqualTo(201);

        String loginDomain = "hostile" + customer.id().substring(0, 10);
        String loginPassword = "Hostile-suite1";
        String loginId = admin().expect("POST", "/admin/v1/domains", Map.of("name", loginDomain,
                "kind", "individual")).path("domain_id").asText();
        for (JsonNode user : admin().expect("GET", "/admin/v1/domains/" + loginId + "/users", null).path("users")) {
            if (user.path("root").asBoolean()) {
                admin().expect("PUT", "/admin/v1/users/" + user.path("user_id").asText() + "/password",
                        Map.of("password", loginPassword));
            }
        }
        return new Fixtures(masterId, subId, masterOrder, orgId, couponId, subCouponId, freeResourceId, newSubPhone,
                code, "hostile" + digits, customer.id(), payOrder, cancelOrder, pendingOrder, servers.get(0),
                servers.get(1), servers.get(2), servers.get(3), refundOrder, loginDomain, loginPassword,
                token.header("X-Subject-Token"), today);
    }

    /** A server with its disk, yearly/monthly for a month, ordered for {@code customerId} and waiting for payment. */
    private static JsonNode purchase(String customerId) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (String[] p : List.of(new String[] {"vm", null, "hws.service.type.ec2", "hws.resource.type.vm",
                "s6.small.1.linux"}, new String[] {"disk", "vm", "hws.service.type.ebs", "hws.resource.type.volume",
                "SATA"})) {
            Map<String, Object> product = new HashMap<>();
            product.put("id", p[0]);
            product.put("main_id", p[1]);
            product.put("service_type_code", p[2]);
            product.put("resource_type_code", p[3]);
            product.put("resource_spec_code", p[4]);
            product.put("region_code", "cn-north-4");
            product.put("period_type", 2);
            product.put("period_num", 1);
            if (p[0].equals("disk")) {
                product.put("resource_size", 40);
                product.put("size_measure_id", 17);
            }
            products.add(product);
        }
        return admin().expect("POST", OrdersIT.ORDERS, Map.of("idempotency_key", UUID.randomUUID().toString(),
                "customer_id", customerId, "products", products));
    }

    /** A setup call that must succeed; its JSON answer. */
    private static JsonNode call(SignedHttpClient client, String method, String path, String query, Object body)
            throws Exception {
        SignedHttpClient.Response response = client.send(method, path, query,
                body == null ? null : JsonBodies.JSON.writeValueAsBytes(body));
        assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JsonBodies.JSON.readTree(response.body());
    }

    /** The last verification code the local SMS outbox holds for {@code phone}. */
    private static String lastCode(String phone) throws Exception {
        Pattern line = Pattern.compile(Pattern.quote(phone) + "\\t.*?(\\d{6})");
        String code = null;
        for (String text : Files.readAllLines(TestPlatform.smsOutbox(), StandardCharsets.UTF_8)) {
            Matcher matcher = line.matcher(text);
            if (matcher.find()) {
                code = matcher.group(1);
            }
        }
        assertThat(code).as("a code sent to " + phone).isNotNull();
        return code;
    }
}
