package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.demo;
import static io.openbss.e2e.TestPlatform.domainId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerOrderDetailsRequest;
import io.openbss.common.signing.SignedHttpClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in a real headless Chromium against the whole platform with its demo data: what a finance team does
 * every day, checked against the API's own answers (the console must never disagree with the SDK).
 */
@ExtendWith(TestPlatform.class)
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;
    private static String password;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser(TestPlatform.consoleUrl(), 1366, 900);
        password = demo().get("BSS_PASSWORD");
    }

    @AfterAll
    static void reportTimings() throws IOException {
        if (browser == null) {
            return;
        }
        String report = browser.timings().stream().map(t -> String.format("%-28s %5d ms", t.page(), t.millis()))
                .collect(Collectors.joining("\n", "Console pages, navigation start to rendered (charts drawn), "
                        + "headless Chromium, demo data:\n", "\n"));
        System.out.print(report);
        Files.writeString(Browser.SCREENSHOTS.resolve("timings.txt"), report);
        browser.close();
    }

    @Test
    void masterSeesTheOverviewWithItsBalanceAndDrawnCharts() {
        browser.signIn("demo-enterprise", null, password);
        browser.open("/", "overview");

        assertThat(amount(browser.find("available").getText())).isEqualByComparingTo(cash(client("BSS_")));
        assertThat(browser.findAll("#chart-trend canvas")).isNotEmpty();
        assertThat(browser.findAll("#chart-services canvas")).isNotEmpty();
        assertThat(browser.find("chart-trend").getDomAttribute("data-drawn")).isEqualTo("true");

        // every page of the menu renders, in both languages' frame, with a screenshot each
        List<String> menu = browser.findAll("nav.menu a").stream().map(a -> a.getDomAttribute("href")).toList();
        assertThat(menu).contains("/", "/orders", "/bills", "/enterprise");
        for (String path : menu) {
            browser.open(path, "page" + (path.equals("/") ? "-overview" : path.replace('/', '-')));
            assertThat(browser.has("error")).as("error shown on " + path).isFalse();
        }
    }

    @Test
    void individualPaysItsPendingOrderAndTheBalanceDropsByItsAmount() {
        BssClient individual = client("BSS_INDIVIDUAL_");
        String orderId = individual.listCustomerOrders(new ListCustomerOrdersRequest().withStatus(6)).getOrderInfos()
                .getFirst().getOrderId();
        BigDecimal due = BigDecimal.valueOf(individual.showCustomerOrderDetails(
                new ShowCustomerOrderDetailsRequest().withOrderId(orderId)).getOrderInfo().getAmountAfterDiscount());
        BigDecimal before = cash(individual);

        browser.signIn("demo-individual", null, password);
        browser.open("/", "overview-individual");
        assertThat(browser.findAll("#pending a").stream().map(a -> a.getText())).contains(orderId);
        browser.open("/orders/" + orderId, "order-pending");
        browser.clickAndWait("pay", "order-paid");

        assertThat(browser.find("notice").getText()).isNotBlank();
        assertThat(individual.showCustomerOrderDetails(new ShowCustomerOrderDetailsRequest().withOrderId(orderId))
                .getOrderInfo().getStatus()).isEqualTo(5);
        assertThat(cash(individual)).isEqualByComparingTo(before.subtract(due));
    }

    @Test
    void renewalChargesExactlyThePriceShownFirst() throws Exception {
        BssClient master = client("BSS_");
        JsonNode resources = api("BSS_", "POST", "/v2/orders/suscriptions/resources/query", "",
                "{\"only_main_resource\":1,\"status_list\":[2],\"limit\":100}");
        String resourceId = resources.path("data").get(0).path("resource_id").asText();
        BigDecimal before = funds("BSS_", master);

        browser.signIn("demo-enterprise", null, password);
        browser.open("/resources", "resources");
        browser.open("/resources/" + resourceId + "/renew?period_type=2&period_num=1", "renew-price");
        BigDecimal shown = amount(browser.find("renew-price").getText());
        assertThat(shown).isPositive();
        browser.clickAndWait("renew-confirm", "renewed");

        assertThat(browser.has("notice")).isTrue();
        assertThat(funds("BSS_", master)).isEqualByComparingTo(before.subtract(shown));
        browser.open("/", "overview-after-renewal");
        assertThat(amount(browser.find("available").getText())).isEqualByComparingTo(cash(master));
    }

    @Test
    void allocatingFundsMovesThemFromTheMasterToTheSubAccount() {
        // the second sub-account holds its own funds (the first is in financial custody: it spends the master's)
        BssClient master = client("BSS_");
        BssClient sub = client("BSS_SUB2_");
        BigDecimal masterBefore = cash(master);
        BigDecimal subBefore = cash(sub);

        browser.signIn("demo-enterprise", null, password);
        browser.open("/enterprise/sub-accounts/" + domainId("BSS_SUB2_"), "sub-account");
        browser.find("allocate-amount").clear();
        browser.find("allocate-amount").sendKeys("12.34");
        browser.clickAndWait("allocate", "allocated");

        assertThat(browser.find("notice").getText()).containsPattern("[0-9A-Za-z_-]{8,}");
        assertThat(cash(master)).isEqualByComparingTo(masterBefore.subtract(new BigDecimal("12.34")));
        assertThat(cash(sub)).isEqualByComparingTo(subBefore.add(new BigDecimal("12.34")));
    }

    @Test
    void feeRecordsExportedAsCsvAreTheApisAnswer() throws Exception {
        String cycle = YearMonth.now(ZoneOffset.ofHours(8)).minusMonths(1).toString();
        browser.signIn("demo-enterprise", null, password);
        browser.open("/bills/fee-records?bill_cycle=" + cycle, "bills-fee-records");
        Map<String, Object> export = browser.fetch("GET", "/export/fee-records.csv?bill_cycle=" + cycle, null);
        assertThat(export.get("status")).isEqualTo(200L);
        List<List<String>> csv = parseCsv(((String) export.get("text")).replace("\uFEFF", ""));
        List<String> fields = csv.getFirst();

        List<JsonNode> records = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = api("BSS_", "GET", "/v2/bills/customer-bills/fee-records",
                    "bill_cycle=" + cycle + "&limit=100&offset=" + offset, null);
            page.path("records").forEach(records::add);
            if (records.size() >= page.path("total_count").asInt()) {
                break;
            }
        }
        assertThat(records).isNotEmpty();
        assertThat(csv).hasSize(records.size() + 1);
        for (int i = 0; i < records.size(); i++) {
            for (int column = 0; column < fields.size(); column++) {
                JsonNode value = records.get(i).at("/" + fields.get(column).replace('.', '/'));
                assertThat(csv.get(i + 1).get(column)).as("row %d %s", i, fields.get(column))
                        .isEqualTo(value.asText(""));
            }
        }
    }

    @Test
    void financeUserSeesOrdersButNoPayButton() {
        String pending = client("BSS_").listCustomerOrders(new ListCustomerOrdersRequest().withStatus(6))
                .getOrderInfos().getFirst().getOrderId();
        browser.signIn("demo-enterprise", null, password);
        browser.open("/orders/" + pending, "order-as-master");
        assertThat(browser.has("pay")).isTrue();

        browser.signIn("demo-enterprise", "finance", password);
        browser.open("/orders/" + pending, "order-as-finance");
        assertThat(browser.find("order-id").getText()).isEqualTo(pending);
        assertThat(browser.has("pay")).isFalse();
        assertThat(browser.has("cancel")).isFalse();
    }

    @Test
    void iamUsersSeeTheMenusTheirRolesAllowAndTheApiStillRefusesTheRest() {
        browser.signIn("demo-enterprise", "finance", password);
        browser.open("/", "overview-finance");
        assertThat(menu()).contains("/", "/bills", "/costs").doesNotContain("/resources");
        assertThat(browser.has("spent")).isTrue();

        browser.signIn("demo-enterprise", "operator", password);
        browser.open("/", "overview-operator");
        assertThat(menu()).contains("/", "/orders", "/resources").doesNotContain("/bills", "/costs");
        assertThat(browser.has("spent")).isFalse();
        browser.open("/bills", "bills-as-operator");
        assertThat(browser.findAll("p.error").getFirst().getText()).contains("APIG.0302");
    }

    private static List<String> menu() {
        return browser.findAll("nav.menu a").stream().map(a -> a.getDomAttribute("href")).toList();
    }

    @Test
    void signingOutRevokesTheToken() {
        Instant start = Instant.now().minusSeconds(1);
        browser.signIn("demo-enterprise", "finance", password);
        String financeId = financeTokens(start).getFirst().path("user_id").asText();
        assertThat(financeTokens(start)).anyMatch(token -> !token.path("revoked").asBoolean());

        browser.clickAndWait("sign-out", "signed-out");

        assertThat(browser.currentPath()).isEqualTo("/sign-in");
        assertThat(financeTokens(start)).isNotEmpty().allMatch(token -> token.path("revoked").asBoolean(),
                "revoked, user " + financeId);
        browser.open("/", "after-sign-out");
        assertThat(browser.currentPath()).isEqualTo("/sign-in");
    }

    @Test
    void aTokenRevokedElsewhereEndsTheSession() {
        Instant start = Instant.now().minusSeconds(1);
        browser.signIn("demo-enterprise", "finance", password);
        for (JsonNode token : financeTokens(start)) {
            TestPlatform.admin().send("DELETE", "/admin/v1/tokens/" + token.path("token_id").asText(), null);
        }

        browser.open("/orders", "after-revocation-elsewhere");
        assertThat(browser.currentPath()).isEqualTo("/sign-in");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        String pending = client("BSS_").listCustomerOrders(new ListCustomerOrdersRequest().withStatus(6))
                .getOrderInfos().getFirst().getOrderId();
        browser.signIn("demo-enterprise", null, password);
        browser.open("/orders/" + pending, "order-for-csrf");

        assertThat(browser.fetch("POST", "/orders/" + pending + "/cancel", "").get("status")).isEqualTo(400L);
        assertThat(browser.fetch("POST", "/orders/" + pending + "/cancel", "csrf-token=forged").get("status"))
                .isEqualTo(400L);
        assertThat(client("BSS_").showCustomerOrderDetails(new ShowCustomerOrderDetailsRequest()
                .withOrderId(pending)).getOrderInfo().getStatus()).isEqualTo(6);
    }

    @Test
    void badInputIsRefusedNamingTheParameterAndNothingIsSent() {
        browser.signIn("demo-enterprise", null, password);
        browser.open("/orders?status=99", "orders-bad-filter");
        assertThat(browser.find("table-orders").getText()).contains("status");
        browser.open("/orders?order_id=%01x", "orders-control-character");
        assertThat(browser.find("table-orders").getText()).contains("order_id");

        Map<String, Object> export = browser.fetch("GET", "/export/fee-records.csv?bill_cycle=2026-13", null);
        assertThat(export.get("status")).isEqualTo(400L);
        assertThat((String) export.get("text")).contains("bill_cycle");
        // another customer's order, and a path trick, are the API's refusals, never another page or a 5xx
        String others = client("BSS_INDIVIDUAL_").listCustomerOrders(new ListCustomerOrdersRequest()).getOrderInfos()
                .getFirst().getOrderId();
        for (String path : List.of("/orders/" + others, "/orders/..%2F..%2Fv2%2Fbills", "/export/nothing.csv")) {
            Map<String, Object> answer = browser.fetch("GET", path, null);
            assertThat(((Number) answer.get("status")).intValue()).as(path).isBetween(400, 499);
            assertThat((String) answer.get("text")).as(path).doesNotContain("Exception", "order-amount");
        }
    }

    @Test
    void chineseReadersGetTheConsoleAndTheApisAnswersInChinese() {
        browser.signIn("demo-enterprise", null, password, "zh_CN");
        browser.open("/", "overview-zh");
        assertThat(browser.findAll("nav.menu a").getFirst().getText()).isEqualTo("总览");
        assertThat(browser.find("available").getText()).contains("¥");
        browser.open("/bills/fee-records?bill_cycle=" + YearMonth.now(ZoneOffset.ofHours(8)).minusMonths(1),
                "bills-fee-records-zh");
        assertThat(browser.find("table-fee-records").getText()).containsPattern("[\\u4e00-\\u9fff]{2,}");
    }

    @Test
    void operatorFindsASignOutInTheAuditTrail() {
        browser.signIn("demo-enterprise", "finance", password);
        browser.clickAndWait("sign-out", "signed-out-for-audit");

        browser.signInAsOperator(TestPlatform.adminToken());
        List<String> menu = browser.findAll("nav.menu a").stream().map(a -> a.getDomAttribute("href")).toList();
        assertThat(menu).contains("/operator/accounts", "/operator/audit", "/operator/upstream-links");
        for (String path : menu) {
            browser.open(path, "operator" + path.substring("/operator".length()).replace('/', '-'));
            assertThat(browser.has("error")).as("error shown on " + path).isFalse();
        }
        browser.open("/operator/accounts/" + domainId("BSS_"), "operator-account");
        browser.open("/operator/audit?operation=KeystoneRevokeToken&domain_id=" + domainId("BSS_"),
                "operator-audit-revocations");
        assertThat(browser.find("table-audit").getText()).contains("KeystoneRevokeToken", "finance");
        // an operator's session opens no customer page, and a customer's no operator page
        browser.open("/", "operator-on-customer-page");
        assertThat(browser.currentPath()).isEqualTo("/sign-in");
    }

    @Test
    void aKeyboardAloneSignsInAndSkipsToTheContent() {
        try (Browser keyboard = new Browser(TestPlatform.consoleUrl(), 1366, 900)) {
            String firstStop = keyboard.signInByKeyboard("demo-individual", password);
            assertThat(firstStop).isIn("Skip to content", "跳到正文");
            assertThat(keyboard.has("available")).isTrue();
        }
    }

    @Test
    void theOverviewFitsAPhone() {
        try (Browser phone = new Browser(TestPlatform.consoleUrl(), 390, 844)) {
            phone.signIn("demo-enterprise", null, password);
            phone.open("/", "overview-phone");
            assertThat(((Number) phone.script("return document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(((Number) phone.script("return window.innerWidth")).intValue());
            browser.timings().addAll(phone.timings());
        }
    }

    private List<JsonNode> financeTokens(Instant since) {
        JsonNode tokens = TestPlatform.admin().get("/admin/v1/tokens?domain_id=" + domainId("BSS_")).body();
        List<JsonNode> finance = new ArrayList<>();
        tokens.path("tokens").forEach(token -> {
            if (token.path("user_name").asText().equals("finance")
                    && Instant.parse(token.path("issued_at").asText()).isAfter(since)) {
                finance.add(token);
            }
        });
        return finance;
    }

    /** Cash and stored-value cards: a payment takes the cards first, then cash. */
    private static BigDecimal funds(String prefix, BssClient client) throws Exception {
        BigDecimal cards = BigDecimal.ZERO;
        for (JsonNode card : api(prefix, "GET", "/v2/promotions/benefits/stored-value-cards", "status=1&limit=100",
                null).path("stored_value_cards")) {
            cards = cards.add(new BigDecimal(card.path("balance").asText("0")));
        }
        return cash(client).add(cards);
    }

    private static BigDecimal cash(BssClient client) {
        return client.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances().stream().filter(b -> b.getAccountType() == 1).findFirst().orElseThrow()
                .getAmount();
    }

    /** The number in a written amount such as {@code CN¥7,408.42} or {@code ¥-3.50}. */
    static BigDecimal amount(String text) {
        String digits = text.replaceAll("[^0-9.\\-]", "");
        return new BigDecimal(digits);
    }

    private static JsonNode api(String prefix, String method, String path, String query, String body)
            throws Exception {
        // in the language the browser reads (the console signs in with en_US)
        SignedHttpClient.Response answer = TestPlatform.signed(prefix).send(method, path, query,
                Map.of("X-Language", "en_US"), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Instant.now());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** RFC 4180: fields, quoted ones with doubled quotes, lines ending in CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return rows;
    }
}
