package io.openbss.e2e;

import static io.openbss.e2e.StandInUpstream.linked;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.BssMeta;
import com.huaweicloud.sdk.bss.v2.model.AccountBalanceV3;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import io.openbss.common.hash.Sha256;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.operations.ReplayRule;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.BssTime;
import io.openbss.e2e.Baselines.Baseline;
import io.openbss.e2e.Baselines.Fixtures;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.ServiceProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upstream mode end to end: an account of the test platform linked to a stand-in upstream (a second OpenBSS,
 * {@link StandInUpstream}). Every operation the SDKs know answers through OpenBSS exactly as the upstream answers
 * the same call made to it directly with the upstream credentials; a token user of the linked account goes upstream
 * too, under its policy, which is enforced here; and the linked secret key is nowhere but in the gateway's store.
 */
@ExtendWith({TestPlatform.class, StandInUpstream.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamIT {

    static final String UNKNOWN_ORDER = "CS2612031200UPSTREAMIT";
    static final String UNKNOWN_RESOURCE = "upstream-it-no-such-resource";
    /**
     * The writes answered 2xx: repeated with the same request they answer the same (UpdatePeriodToOnDemand answers
     * 200 with the unknown resource among its error details); the upstream refuses the others.
     */
    static final Set<String> ANSWERED_WRITES = Set.of("SetResourcesRenewConfig", "UpdatePeriodToOnDemand",
            "UpdateSubEnterpriseAmount",
            "ReclaimSubEnterpriseAmount", "ClaimEnterpriseMultiAccountCoupon", "ReclaimEnterpriseMultiAccountCoupon",
            "CreateEnterpriseProjectAuth");
    static final Set<String> KEYED_WRITES = Set.of("UpdateSubEnterpriseAmount", "ReclaimSubEnterpriseAmount",
            "ClaimEnterpriseMultiAccountCoupon", "ReclaimEnterpriseMultiAccountCoupon");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final OperationTable table = OperationTable.load();

    /**
     * Each operation with a request valid on the stand-in's demo data (the hostile suite's baselines, on the
     * stand-in's objects); writes with a request the upstream answers the same way when it comes again. Through
     * OpenBSS FIRST, then directly: for a keyed transfer the direct call is then a repetition of a trans_id that the
     * upstream has seen only through OpenBSS, so an equal answer and one ledger movement per trans_id show that
     * OpenBSS sent the write upstream unchanged, once (in the other order OpenBSS would answer a repetition, which a
     * service could also answer from its own records). Each pair must also be two calls answered by the stand-in.
     */
    @Test
    @Order(1)
    void everyOperationAnswersThroughOpenBssAsTheUpstreamAnswersDirectly() throws Exception {
        Fixtures fixtures = standInFixtures();
        String unique = "up-" + UUID.randomUUID();
        Map<String, JsonNode> requests = requests(fixtures, unique);
        WireSdkClient ours = WireSdkClient.signing(linked().accessKey(), linked().secretKey(), linked().id(),
                TestPlatform.settings().endpoint());
        WireSdkClient upstream = StandInUpstream.direct();

        List<String> differences = new ArrayList<>();
        Map<String, Integer> compared = new TreeMap<>();
        Set<String> withoutSdk = new TreeSet<>();
        Map<String, String> audited = new TreeMap<>();
        for (Operation operation : table.all()) {
            Optional<HttpRequestDef<?, ?>> definition = definition(operation);
            if (definition.isEmpty()) {
                withoutSdk.add(operation.name());
                continue;
            }
            JsonNode request = requests.get(operation.name());
            long before = StandInUpstream.calls(operation.name());
            WireSdkClient.Answer through = ours.call(definition.get(), request);
            if (operation.replay().kind() == ReplayRule.Kind.REFUSED) {
                // a request signed with the same key, date (to the second) and content is a replay the upstream refuses
                Thread.sleep(1100);
            }
            WireSdkClient.Answer direct = upstream.call(definition.get(), request);
            long seen = StandInUpstream.awaitCalls(operation.name(), before + 2) - before;

            assertThat(table.match(through.method(), through.path())).as("the route of %s", operation.name())
                    .hasValueSatisfying(match -> assertThat(match.operation().name()).isEqualTo(operation.name()));
            if (through.status() != direct.status() || !through.comparable().equals(direct.comparable())) {
                differences.add(operation.name() + ": through OpenBSS " + through.status() + " " + through.body()
                        + "; directly " + direct.status() + " " + direct.body());
            }
            if (seen != 2) {
                differences.add(operation.name() + ": the stand-in answered " + seen + " calls, not 2");
            }
            boolean answered = direct.status() / 100 == 2;
            if (answered != (!operation.changesState() || ANSWERED_WRITES.contains(operation.name()))) {
                differences.add(operation.name() + ": the upstream answered " + direct.status() + " "
                        + direct.body() + " (" + (answered ? "a refusal" : "an answer") + " was meant)");
            }
            compared.put(operation.name(), direct.status());
            if (operation.changesState()) {
                audited.put(operation.name(), through.requestId());
            }
        }
        System.out.println("UpstreamIT: compared " + compared);
        List<String> unaudited = unaudited(audited);
        Map<String, Long> movements = new TreeMap<>();
        try (Connection ledger = StandInUpstream.database()) {
            for (String write : KEYED_WRITES) {
                movements.put(write, ledgerMovements(ledger, fixtures.masterId(), transId(unique, write)));
            }
        }
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(differences).as("answers through OpenBSS that differ from the upstream's").isEmpty();
            soft.assertThat(withoutSdk).as("the table's operations that neither SDK has").containsExactlyInAnyOrder(
                    "KeystoneListAuthDomains", "KeystoneCreateToken", "KeystoneRevokeToken",
                    "ListCustomerCouponChangeRecords",
                    "UpdatePeriodToOnDemandInstantly", "ListServiceTypesLegacy", "ListResourceRecordsLegacy");
            soft.assertThat(compared.keySet()).as("compared operations").hasSize(52)
                    .containsExactlyInAnyOrderElementsOf(table.all().stream().map(Operation::name)
                            .filter(name -> !withoutSdk.contains(name)).toList());
            soft.assertThat(unaudited).as("writes through OpenBSS whose audit record names no upstream call")
                    .isEmpty();
            soft.assertThat(movements.values()).as("ledger entries of each keyed write on the stand-in: %s", movements)
                    .containsOnly(1L);
        });
    }

    /**
     * Each write (by our request id) whose audit record here does not name, as its upstream request id, a call the
     * stand-in audited: the upstream's X-Request-Id comes back with the answer and is written into our record.
     */
    private static List<String> unaudited(Map<String, String> writes) throws Exception {
        List<String> unaudited = new ArrayList<>();
        try (Connection ours = TestPlatform.database(); Connection theirs = StandInUpstream.database();
                PreparedStatement upstreamId = ours.prepareStatement(
                        "SELECT upstream_request_id FROM iam.audit_record WHERE request_id = ?");
                PreparedStatement upstreamRecord = theirs.prepareStatement(
                        "SELECT operation FROM iam.audit_record WHERE request_id = ?")) {
            for (Map.Entry<String, String> write : writes.entrySet()) {
                upstreamId.setString(1, write.getValue());
                String id = null;
                for (int attempt = 0; attempt < 20 && id == null; attempt++) {
                    try (ResultSet rs = upstreamId.executeQuery()) {
                        id = rs.next() ? rs.getString(1) : null;
                    }
                    if (id == null) {
                        Thread.sleep(100);
                    }
                }
                upstreamRecord.setString(1, id);
                try (ResultSet rs = upstreamRecord.executeQuery()) {
                    if (id == null || !rs.next() || !rs.getString(1).equals(write.getKey())) {
                        unaudited.add(write.getKey() + " (request " + write.getValue() + ", upstream request " + id
                                + ")");
                    }
                }
            }
        }
        return unaudited;
    }

    /** The idempotency key of an operation's request: its own, so that no two kinds of transfer share one. */
    private static String transId(String unique, String operation) {
        return unique + "-" + Integer.toHexString(operation.hashCode());
    }

    /**
     * A user of the linked account with the read-only role, logged in with its password for an X-Auth-Token, calls
     * through an SDK client that sends that token: a view is served by the upstream and answers what the upstream
     * answers directly; a transfer, which the role does not allow, is refused here (403 APIG.0302) and never reaches
     * the upstream.
     */
    @Test
    @Order(2)
    void aTokenUsersCallsGoUpstreamAndItsPolicyIsEnforcedHere() throws Exception {
        String token = tokenOfReadOnlyUser();
        WireSdkClient byToken = new WireSdkClient(new TokenCredential(token), TestPlatform.settings().endpoint());
        ObjectNode none = WireSdkClient.SDK_JSON.createObjectNode();

        long before = StandInUpstream.calls("ShowCustomerAccountBalances");
        WireSdkClient.Answer through = byToken.call(BssMeta.showCustomerAccountBalances, none);
        WireSdkClient.Answer direct = StandInUpstream.direct().call(BssMeta.showCustomerAccountBalances, none);
        assertThat(through.status()).as(through.body()).isEqualTo(200);
        assertThat(through.comparable()).isEqualTo(direct.comparable());
        assertThat(StandInUpstream.awaitCalls("ShowCustomerAccountBalances", before + 2) - before).isEqualTo(2);
        List<AccountBalanceV3> typed = new BssClient(byToken.core())
                .showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()).getAccountBalances();
        assertThat(typed).extracting(AccountBalanceV3::getAccountId, b -> b.getAmount().stripTrailingZeros())
                .containsExactlyElementsOf(balances(direct.comparable()));

        String transId = "up-denied-" + UUID.randomUUID();
        long transfers = StandInUpstream.calls("UpdateSubEnterpriseAmount");
        WireSdkClient.Answer denied = byToken.call(BssMeta.updateSubEnterpriseAmount, WireSdkClient.SDK_JSON
                .readTree("""
                        {"body":{"customer_id":"%s","amount":"0.01","trans_id":"%s",\
                        "balance_type":"BALANCE_TYPE_DEBIT"}}""".formatted(StandInUpstream.demo()
                        .get("BSS_SUB2_DOMAIN_ID"), transId)));
        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("APIG.0302");
        Thread.sleep(500);
        assertThat(StandInUpstream.calls("UpdateSubEnterpriseAmount")).as("transfers the stand-in answered")
                .isEqualTo(transfers);
        try (Connection standIn = StandInUpstream.database(); PreparedStatement query = standIn.prepareStatement(
                "SELECT count(*) FROM enterprise.transfer WHERE trans_id = ?")) {
            query.setString(1, transId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("transfers of " + transId + " on the stand-in").isZero();
            }
        }
    }

    /**
     * The linked secret key was given through the admin API only: no answer of the admin API shows it (the link's
     * view, the list, a rotation's answer), no log file of the platform holds it, and no process of the platform
     * (services and gateways) has it in its environment or command line.
     */
    @Test
    @Order(3)
    void theLinkedSecretKeyIsInNoLogAnswerOrProcessEnvironment() throws IOException {
        String secret = StandInUpstream.demo().get("BSS_SK");
        AdminClient admin = TestPlatform.admin();
        String link = StandInUpstream.LINKS + linked().id() + "/upstream-link";

        AdminClient.Answer view = admin.send("GET", link, null);
        assertThat(view.status()).as(view.body().toString()).isEqualTo(200);
        assertThat(view.body().path("domain_id").asText()).isEqualTo(linked().id());
        assertThat(view.body().path("endpoint").asText()).isEqualTo(StandInUpstream.endpoint());
        assertThat(view.body().path("access_key").asText()).isEqualTo(StandInUpstream.demo().get("BSS_AK"));
        assertThat(view.body().path("upstream_domain_id").asText())
                .isEqualTo(StandInUpstream.demo().get("BSS_DOMAIN_ID"));
        assertThat(view.body().path("created_at").asText()).isNotBlank();
        assertThat(view.body().path("updated_at").asText()).isNotBlank();
        AdminClient.Answer rotated = admin.send("PUT", link, Map.of("endpoint", StandInUpstream.endpoint(),
                "access_key", StandInUpstream.demo().get("BSS_AK"), "secret_key", secret,
                "upstream_domain_id", StandInUpstream.demo().get("BSS_DOMAIN_ID")));
        assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
        AdminClient.Answer all = admin.send("GET", StandInUpstream.ALL_LINKS, null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("links").findValuesAsText("domain_id")).contains(linked().id());

        List<String> found = new ArrayList<>();
        for (AdminClient.Answer answer : List.of(view, rotated, all)) {
            if (answer.body().toString().contains(secret)) {
                found.add("admin answer " + answer.body());
            }
        }
        List<Path> logs;
        try (Stream<Path> files = Files.walk(TestPlatform.settings().logs())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        for (Path log : logs) {
            if (new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(secret)) {
                found.add("log " + log);
            }
        }
        int processes = 0;
        for (ServiceProcess process : TestPlatform.services()) {
            if (!process.alive()) {
                continue;
            }
            processes++;
            for (String part : List.of("environ", "cmdline")) {
                Path file = Path.of("/proc/" + process.pid() + "/" + part);
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret)) {
                    found.add(process.name() + " " + file);
                }
            }
        }
        assertThat(logs).as("log files").hasSizeGreaterThanOrEqualTo(4);
        assertThat(processes).as("processes of the platform").isGreaterThanOrEqualTo(4);
        assertThat(found).as("where the linked secret key was found").isEmpty();
    }

    /** The SDK's definition of an operation: BssMeta's, else the international SDK's of the same route. */
    static Optional<HttpRequestDef<?, ?>> definition(Operation operation) throws IllegalAccessException {
        Optional<HttpRequestDef<?, ?>> chineseSite = ApiParameters.sdkDefinition(operation);
        if (chineseSite.isPresent()) {
            return chineseSite;
        }
        return BssintlOperationsTest.internationalOperations().stream()
                .filter(def -> def.getName().equals(operation.name()) && def.getMethod().name()
                        .equals(operation.method()) && def.getUri().equals(operation.pathTemplate()))
                .findFirst();
    }

    /**
     * The stand-in's objects that the baselines name, read or made directly with the upstream credentials: the
     * demo master's paid and pending orders, a resource, its organization, a transfer coupon and a sub-coupon given
     * to the independent sub-account, a resource package, and a phone that was just sent a code.
     */
    static Fixtures standInFixtures() throws Exception {
        SignedHttpClient master = StandInUpstream.signed();
        String masterId = StandInUpstream.demo().get("BSS_DOMAIN_ID");
        String subId = StandInUpstream.demo().get("BSS_SUB2_DOMAIN_ID");
        String paid = null;
        String pending = null;
        for (JsonNode order : call(master, "GET", "/v2/orders/customer-orders", "limit=100", null)
                .path("order_infos")) {
            int status = order.path("status").asInt();
            if (status == 5 && paid == null) {
                paid = order.path("order_id").asText();
            } else if (status == 6 && pending == null) {
                pending = order.path("order_id").asText();
            }
        }
        String resource = call(master, "POST", "/v2/orders/suscriptions/resources/query", null,
                Map.of("only_main_resource", 1, "status_list", List.of(2), "limit", 10)).path("data").get(0)
                .path("resource_id").asText();
        String orgId = call(master, "GET", "/v2/enterprises/multi-accounts/enterprise-organizations",
                "recursive_query=1", null).path("child_nodes").get(0).path("id").asText();
        String couponId = call(master, "GET", "/v2/enterprises/multi-accounts/transfer-coupons", "limit=100", null)
                .path("avail_transfer_coupons").get(0).path("coupon_id").asText();
        String subCouponId = call(master, "POST", "/v2/enterprises/multi-accounts/transfer-coupon", null,
                Map.of("customer_id", subId, "coupon_id", couponId, "amount", "0.01", "trans_id",
                        "up-fixture-" + UUID.randomUUID())).path("sub_coupon_id").asText();
        String freeResourceId = call(master, "POST", "/v3/payments/free-resources/query", null, Map.of())
                .path("free_resource_packages").get(0).path("free_resources").get(0).path("free_resource_id")
                .asText();
        String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        // a code was just sent to this phone: another is refused for a minute, through OpenBSS as directly
        call(master, "POST", "/v2/enterprises/multi-accounts/sm-verification-code", null,
                Map.of("mobile_phone", "+86-135" + digits, "timeout", 5));
        return new Fixtures(masterId, subId, paid, orgId, couponId, subCouponId, freeResourceId,
                "+86-135" + digits, "000000", "upstream" + digits, masterId, UNKNOWN_ORDER, UNKNOWN_ORDER,
                pending == null ? paid : pending, resource, UNKNOWN_RESOURCE, UNKNOWN_RESOURCE, UNKNOWN_RESOURCE,
                paid, null, null, null, BssTime.businessDate(Instant.now()));
    }

    /**
     * Each operation's request as the SDK's request model reads it (wire names, the body under {@code body}): the
     * baseline's, with the writes the upstream would refuse or answer again replaced.
     */
    Map<String, JsonNode> requests(Fixtures f, String unique) throws Exception {
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        for (Map.Entry<String, Baseline> entry : Baselines.all(f).entrySet()) {
            Optional<HttpRequestDef<?, ?>> definition = table.byName(entry.getKey()).isPresent()
                    ? definition(table.byName(entry.getKey()).get()) : Optional.empty();
            if (definition.isEmpty()) {
                continue;
            }
            Baseline baseline = entry.getValue();
            ObjectNode request = WireSdkClient.SDK_JSON.createObjectNode();
            Map<String, String> parameters = new LinkedHashMap<>(baseline.path());
            parameters.putAll(baseline.query());
            parameters.putAll(baseline.headers());
            parameters.forEach((name, value) -> request.set(name, typed(definition.get(), name, value)));
            if (baseline.body() != null) {
                request.set("body", WireSdkClient.SDK_JSON.readTree(baseline.body()
                        .apply(transId(unique, entry.getKey()))));
            }
            requests.put(entry.getKey(), request);
        }
        Map<String, String> refused = Map.of(
                "PayOrders", """
                        {"body":{"order_id":"%s","use_coupon":"NO","use_discount":"NO"}}""",
                "CancelCustomerOrder", """
                        {"body":{"order_id":"%s"}}""",
                "RenewalResources", """
                        {"body":{"resource_ids":["%2$s"],"period_type":2,"period_num":1,"is_auto_pay":1}}""",
                "AutoRenewalResources", """
                        {"resource_id":"%2$s","body":{"auto_renew_times":3}}""",
                "CancelAutoRenewalResources", """
                        {"resource_id":"%2$s"}""",
                "UpdatePeriodToOnDemand", """
                        {"body":{"operation":"SET_UP","resource_ids":["%2$s"]}}""",
                "CancelResourcesSubscription", """
                        {"body":{"resource_ids":["%2$s"],"unsubscribe_type":1,"unsubscribe_reason_type":5,\
                        "unsubscribe_reason":"upstream test"}}""",
                "SendSmsVerificationCode", """
                        {"body":{"mobile_phone":"%3$s","timeout":5}}""");
        for (Map.Entry<String, String> write : refused.entrySet()) {
            requests.put(write.getKey(), WireSdkClient.SDK_JSON.readTree(write.getValue()
                    .formatted(UNKNOWN_ORDER, UNKNOWN_RESOURCE, f.newSubPhone())));
        }
        return requests;
    }

    /** A path, query or header value as the SDK's request model types it (its integers are strict). */
    private static JsonNode typed(HttpRequestDef<?, ?> definition, String name, String value) {
        Class<?> type = definition.getRequestFields().stream().filter(field -> field.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(definition.getName() + " has no " + name))
                .getFieldType();
        var json = WireSdkClient.SDK_JSON.getNodeFactory();
        if (type == Integer.class || type == Long.class) {
            return json.numberNode(Long.parseLong(value));
        }
        if (type == BigDecimal.class || type == Double.class || type == Float.class) {
            return json.numberNode(new BigDecimal(value));
        }
        if (type == Boolean.class) {
            return json.booleanNode(Boolean.parseBoolean(value));
        }
        return json.textNode(value);
    }

    /** How many ledger entries the stand-in made for the transfer {@code transId} of its demo master. */
    static long ledgerMovements(Connection ledger, String masterId, String transId) throws SQLException {
        try (PreparedStatement query = ledger.prepareStatement(
                "SELECT count(*) FROM billing.journal_entry WHERE idempotency_key LIKE '%' || ?")) {
            query.setString(1, "ENT" + Sha256.hex(masterId + ":" + transId).substring(0, 40));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A user of the linked account with the read-only role, and its X-Auth-Token from a password login. */
    private static String tokenOfReadOnlyUser() throws Exception {
        AdminClient admin = TestPlatform.admin();
        String domain = admin.expect("GET", "/admin/v1/domains/" + linked().id(), null).path("name").asText();
        String name = "reader" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Upstream-reader1";
        String user = admin.expect("POST", "/admin/v1/domains/" + linked().id() + "/users", Map.of("name", name))
                .path("user_id").asText();
        admin.expect("PUT", "/admin/v1/users/" + user + "/password", Map.of("password", password));
        admin.expect("PUT", "/admin/v1/users/" + user + "/policies",
                Map.of("policies", List.of(Map.of("role", "bss_readonly"))));
        String login = """
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","password":"%s",\
                "domain":{"name":"%s"}}}},"scope":{"domain":{"name":"%3$s"}}}}""".formatted(name, password, domain);
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(TestPlatform.settings().endpoint()
                        + "/v3/auth/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** Each balance's account id and amount, from a ShowCustomerAccountBalances body. */
    private static List<org.assertj.core.groups.Tuple> balances(JsonNode body) {
        List<org.assertj.core.groups.Tuple> balances = new ArrayList<>();
        for (JsonNode balance : body.path("account_balances")) {
            balances.add(org.assertj.core.groups.Tuple.tuple(balance.path("account_id").asText(),
                    new BigDecimal(balance.path("amount").asText()).stripTrailingZeros()));
        }
        return balances;
    }

    /** A setup call on the stand-in that must succeed; its JSON answer. */
    static JsonNode call(SignedHttpClient client, String method, String path, String query, Object body)
            throws Exception {
        SignedHttpClient.Response response = client.send(method, path, query,
                body == null ? null : JsonBodies.JSON.writeValueAsBytes(body));
        assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JsonBodies.JSON.readTree(response.body());
    }
}
