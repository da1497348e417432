package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static io.openbss.e2e.TestPlatform.assertBadParameter;
import static io.openbss.e2e.TestPlatform.assertRefused;
import static io.openbss.e2e.TestPlatform.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.AutoRenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.AutoRenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelAutoRenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelCustomerOrderReq;
import com.huaweicloud.sdk.bss.v2.model.CancelCustomerOrderRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelResourcesSubscriptionRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelResourcesSubscriptionResponse;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.ListOrderCouponsByOrderIdRequest;
import com.huaweicloud.sdk.bss.v2.model.ListOrderDiscountsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListPayPerUseCustomerResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListRenewRateOnPeriodReq;
import com.huaweicloud.sdk.bss.v2.model.ListRenewRateOnPeriodRequest;
import com.huaweicloud.sdk.bss.v2.model.OrderInstanceV2;
import com.huaweicloud.sdk.bss.v2.model.PayCustomerOrderV3Req;
import com.huaweicloud.sdk.bss.v2.model.PayOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.PeriodToOnDemandReq;
import com.huaweicloud.sdk.bss.v2.model.QueryResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.RenewResourceConfigReq;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.SetResourcesRenewConfigRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerOrderDetailsRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerOrderDetailsResponse;
import com.huaweicloud.sdk.bss.v2.model.ShowRefundOrderDetailsRequest;
import com.huaweicloud.sdk.bss.v2.model.UnsubscribeResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.UpdatePeriodToOnDemandRequest;
import io.openbss.common.signing.SignedHttpClient;
import com.huaweicloud.sdk.bss.v2.model.CustomerOrderV2;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerAccountChangeRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerBillsFeeRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.MonthlyBillRecord;
import io.openbss.common.time.BssTime;
import io.openbss.launcher.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every orders-service operation through the gateway with the official SDK, against the real billing-service: a
 * cloud service orders a server with its disk for the demo individual customer (the internal purchase API, as the
 * operator), who pays, renews, sets auto-renewal and unsubscribes; balances and bills follow.
 */
@ExtendWith(TestPlatform.class)
class OrdersIT {

    static final String ORDERS = "/admin/v1/services/orders/v1/purchases";

    final TestPlatform.Customer buyer = TestPlatform.newIndividual("100000.00");
    final BssClient customer = buyer.client();

    @Test
    void buyPayAndSeeTheResourcesTheirOrderAndTheirBill() {
        JsonNode order = purchase(buyer);
        String orderId = order.path("order_id").asText();
        assertThat(customer.listCustomerOrders(new ListCustomerOrdersRequest().withOrderId(orderId))
                .getOrderInfos()).singleElement().satisfies(o -> assertThat(o.getStatus()).isEqualTo(6));
        ShowCustomerOrderDetailsResponse details = customer.showCustomerOrderDetails(
                new ShowCustomerOrderDetailsRequest().withOrderId(orderId));
        assertThat(details.getTotalCount()).isEqualTo(2);
        assertThat(details.getOrderLineItems()).extracting("serviceTypeCode")
                .containsExactly("hws.service.type.ec2", "hws.service.type.ebs");
        assertThat(customer.listOrderDiscounts(new ListOrderDiscountsRequest().withOrderId(orderId))
                .getDiscounts()).isNotNull();
        assertThat(customer.listOrderCouponsByOrderId(new ListOrderCouponsByOrderIdRequest().withOrderId(orderId))
                .getCount()).isNotNull();
        BigDecimal before = cash();
        customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req().withOrderId(orderId)
                .withUseCoupon("NO").withUseDiscount("NO")));
        BigDecimal official = new BigDecimal(order.path("official_amount").asText());
        assertThat(cash()).isEqualByComparingTo(before.subtract(official));
        assertThat(customer.showCustomerOrderDetails(new ShowCustomerOrderDetailsRequest().withOrderId(orderId))
                .getOrderInfo().getStatus()).isEqualTo(5);
        List<OrderInstanceV2> resources = resources(orderId);
        assertThat(resources).hasSize(2);
        assertThat(resources).filteredOn(r -> r.getIsMainResource() == 1).singleElement()
                .satisfies(r -> assertThat(r.getResourceId()).isEqualTo(order.path("resource_ids").get(0).asText()));
        assertRefused(() -> customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                .withOrderId(orderId).withUseCoupon("NO").withUseDiscount("YES"))), 400, "CBC.0100");
        assertRefused(() -> client("BSS_").payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                .withOrderId(orderId).withUseCoupon("NO"))), 403, "CBC.0150");
        assertThat(client("BSS_").listPayPerUseCustomerResources(new ListPayPerUseCustomerResourcesRequest()
                .withBody(new QueryResourcesReq().withOrderId(orderId))).getData()).isEmpty();
    }

    @Test
    void renewAutoRenewConvertAndUnsubscribeWithARefund() {
        JsonNode order = purchase(buyer);
        String orderId = order.path("order_id").asText();
        customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req().withOrderId(orderId)
                .withUseCoupon("NO")));
        String server = order.path("resource_ids").get(0).asText();
        String disk = order.path("resource_ids").get(1).asText();

        assertThat(customer.listRenewRateOnPeriod(new ListRenewRateOnPeriodRequest().withBody(
                new ListRenewRateOnPeriodReq().withResourceIds(List.of(server)).withPeriodType(2).withPeriodNum(1)
                        .withIncludeRelativeResources(true))).getRenewInquiryResults())
                .singleElement().satisfies(r -> assertThat(new BigDecimal(r.getAmount())).isPositive());
        String expiry = resource(server).getExpireTime();
        List<String> renewals = customer.renewalResources(new RenewalResourcesRequest().withBody(
                new RenewalResourcesReq().withResourceIds(List.of(server)).withPeriodType(2).withPeriodNum(1)
                        .withIsAutoPay(1))).getOrderIds();
        assertThat(renewals).hasSize(1);
        assertThat(resource(server).getExpireTime()).isGreaterThan(expiry);
        assertThat(resource(disk).getExpireTime()).isEqualTo(resource(server).getExpireTime());
        assertRefused(() -> customer.renewalResources(new RenewalResourcesRequest().withBody(new RenewalResourcesReq()
                .withResourceIds(List.of(disk)).withPeriodType(2).withPeriodNum(1))), 400, "CBC.30010036");

        customer.autoRenewalResources(new AutoRenewalResourcesRequest().withResourceId(server)
                .withBody(new AutoRenewalResourcesReq().withAutoRenewTimes(3)));
        assertThat(resource(server).getExpirePolicy()).isEqualTo(3);
        customer.cancelAutoRenewalResources(new CancelAutoRenewalResourcesRequest().withResourceId(server));
        assertThat(resource(server).getExpirePolicy()).isZero();
        customer.setResourcesRenewConfig(new SetResourcesRenewConfigRequest().withBody(new RenewResourceConfigReq()
                .withConfigName(RenewResourceConfigReq.ConfigNameEnum.DEDUCTION_DATE).withConfigValue("5")));
        customer.updatePeriodToOnDemand(new UpdatePeriodToOnDemandRequest().withBody(new PeriodToOnDemandReq()
                .withOperation("SET_UP").withResourceIds(List.of(server))));
        assertThat(resource(server).getExpirePolicy()).isEqualTo(1);
        customer.updatePeriodToOnDemand(new UpdatePeriodToOnDemandRequest().withBody(new PeriodToOnDemandReq()
                .withOperation("CANCEL").withResourceIds(List.of(server))));

        BigDecimal before = cash();
        CancelResourcesSubscriptionResponse unsubscribed = customer.cancelResourcesSubscription(
                new CancelResourcesSubscriptionRequest().withBody(new UnsubscribeResourcesReq()
                        .withResourceIds(List.of(server)).withUnsubscribeType(1).withUnsubscribeReasonType(5)
                        .withUnsubscribeReason("end-to-end test")));
        assertThat(unsubscribed.getOrderIds()).isNotEmpty();
        BigDecimal refunded = BigDecimal.ZERO;
        for (String refundOrder : unsubscribed.getOrderIds()) {
            refunded = refunded.add(customer.showRefundOrderDetails(new ShowRefundOrderDetailsRequest()
                    .withOrderId(refundOrder)).getRefundInfos().stream().map(r -> r.getAmount().negate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(refunded).isPositive();
        assertThat(cash()).isEqualByComparingTo(before.add(refunded));
        assertThat(resources(orderId)).isEmpty();
        assertRefused(() -> customer.renewalResources(new RenewalResourcesRequest().withBody(new RenewalResourcesReq()
                .withResourceIds(List.of(server)).withPeriodType(2).withPeriodNum(1))), 400, "CBC.99003016");
    }

    @Test
    void aPendingOrderCanBeCancelledAndIsThenNotPaid() {
        String orderId = purchase(buyer).path("order_id").asText();
        customer.cancelCustomerOrder(new CancelCustomerOrderRequest().withBody(new CancelCustomerOrderReq()
                .withOrderId(orderId)));
        assertThat(customer.showCustomerOrderDetails(new ShowCustomerOrderDetailsRequest().withOrderId(orderId))
                .getOrderInfo().getStatus()).isEqualTo(4);
        assertRefused(() -> customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                .withOrderId(orderId).withUseCoupon("NO"))), 400, "CBC.0101");
        assertRefused(() -> client("BSS_").cancelCustomerOrder(new CancelCustomerOrderRequest().withBody(
                new CancelCustomerOrderReq().withOrderId(orderId))), 403, "CBC.0150");
    }

    @Test
    void badInputNamesTheParameter() throws Exception {
        assertBadParameter(() -> customer.listPayPerUseCustomerResources(new ListPayPerUseCustomerResourcesRequest()
                .withBody(new QueryResourcesReq().withLimit(501))), "limit");
        assertBadParameter(() -> customer.listPayPerUseCustomerResources(new ListPayPerUseCustomerResourcesRequest()
                .withBody(new QueryResourcesReq().withStatusList(List.of(9)))), "status_list");
        assertBadParameter(() -> customer.renewalResources(new RenewalResourcesRequest().withBody(
                new RenewalResourcesReq().withResourceIds(List.of("x")).withPeriodType(2).withPeriodNum(12))),
                "period_num");
        assertBadParameter(() -> customer.cancelResourcesSubscription(new CancelResourcesSubscriptionRequest()
                .withBody(new UnsubscribeResourcesReq().withResourceIds(List.of("x")).withUnsubscribeType(3))),
                "unsubscribe_type");
        assertBadParameter(() -> customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                .withOrderId("x").withUseCoupon("MAYBE"))), "use_coupon");
        assertBadParameter(() -> customer.setResourcesRenewConfig(new SetResourcesRenewConfigRequest().withBody(
                new RenewResourceConfigReq().withConfigName(RenewResourceConfigReq.ConfigNameEnum.DEDUCTION_DATE)
                        .withConfigValue("9"))), "config_value");
        assertBadParameter(() -> customer.autoRenewalResources(new AutoRenewalResourcesRequest().withResourceId("x")
                .withBody(new AutoRenewalResourcesReq().withAutoRenewTimes(100))), "auto_renew_times");
        assertBadParameter(() -> customer.showCustomerOrderDetails(new ShowCustomerOrderDetailsRequest()
                .withOrderId("x").withLimit(101)), "limit");
        // the SDK itself refuses to send a request without order_id; a signed raw request shows the service's answer
        SignedHttpClient.Response noOrder = buyer.signed().send("GET",
                "/v2/orders/customer-orders/order-discounts", null, new byte[0]);
        assertThat(noOrder.status()).isEqualTo(400);
        assertThat(noOrder.body()).contains("CBC.0100").contains("order_id");
    }

    @Test
    void anInstantConversionToPayPerUseEndsTheSubscriptionAndRefunds() throws Exception {
        JsonNode order = purchase(buyer);
        customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                .withOrderId(order.path("order_id").asText()).withUseCoupon("NO")));
        String server = order.path("resource_ids").get(0).asText();
        SignedHttpClient.Response answer = buyer.signed().send("POST",
                "/v2/orders/subscriptions/resources/to-on-demand/instantly", null,
                ("{\"resource_ids\":[\"" + server + "\"]}").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(answer.body()).path("order_ids")).isNotEmpty();
        assertThat(resources(order.path("order_id").asText())).isEmpty();
    }

    /**
     * The lifecycle over simulated months (the sandbox clock of billing, orders and enterprise moved forward, the
     * lifecycle run at each step): two auto-renewals paid from the balance, a lapsing resource expiring into its
     * retention period and then deleted, the third month not renewed (auto_renew_times 2), then an unsubscribe with a
     * refund; the balance, the account change records, the bill records and the orders agree at every step.
     */
    @Test
    void autoRenewalOverSimulatedMonthsThenExpiryAndARefundAgreeWithLedgerAndBills() throws Exception {
        SandboxClock clock = new SandboxClock(admin());
        assertThat(admin().put("/admin/v1/services/orders/v1/sandbox/clock", Map.of("offset_seconds", -400_000_000L)))
                .satisfies(a -> assertThat(a.status()).isEqualTo(400))
                .satisfies(a -> assertThat(a.body().path("error_msg").asText()).contains("offset_seconds"));
        JsonNode renewing = purchase(buyer);
        JsonNode lapsing = purchase(buyer);
        for (JsonNode order : List.of(renewing, lapsing)) {
            customer.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                    .withOrderId(order.path("order_id").asText()).withUseCoupon("NO").withUseDiscount("NO")));
        }
        String server = renewing.path("resource_ids").get(0).asText();
        String disk = renewing.path("resource_ids").get(1).asText();
        String lapsed = lapsing.path("resource_ids").get(0).asText();
        customer.autoRenewalResources(new AutoRenewalResourcesRequest().withResourceId(server)
                .withBody(new AutoRenewalResourcesReq().withAutoRenewTimes(2)));
        try {
            for (int month = 1; month <= 2; month++) {
                Instant expiry = Instant.parse(resource(server).getExpireTime());
                BigDecimal before = cash();
                List<String> renewalsBefore = orderIds("2");
                clock.moveTo(deductionDay(expiry, 6));
                clock.runLifecycle();

                List<String> renewals = orderIds("2");
                renewals.removeAll(renewalsBefore);
                assertThat(renewals).as("month %d: one auto-renewal order", month).hasSize(1);
                CustomerOrderV2 renewal = order(renewals.getFirst());
                assertThat(renewal.getStatus()).isEqualTo(5);
                BigDecimal paid = BigDecimal.valueOf(renewal.getAmountAfterDiscount());
                assertThat(paid).isPositive();
                assertThat(cash()).isEqualByComparingTo(before.subtract(paid));
                assertThat(changes(renewal.getOrderId())).isEqualByComparingTo(paid.negate());
                assertThat(billed(renewal.getOrderId(), clock.now())).isEqualByComparingTo(paid);
                Instant renewed = Instant.parse(resource(server).getExpireTime());
                assertThat(renewed.atZone(BssTime.BUSINESS_ZONE))
                        .isEqualTo(expiry.atZone(BssTime.BUSINESS_ZONE).plusMonths(1));
                assertThat(resource(disk).getExpireTime()).isEqualTo(resource(server).getExpireTime());

                if (month == 1) {
                    // the resource without auto-renewal expires into its retention period
                    clock.moveTo(expiry.plus(Duration.ofHours(1)));
                    clock.runLifecycle();
                    assertThat(resource(lapsed).getStatus()).isEqualTo(5);
                    assertThat(resource(server).getStatus()).isEqualTo(2);
                }
            }
            // 15 days of retention are over: deleted
            assertThat(resources(lapsing.path("order_id").asText())).isEmpty();
            assertRefused(() -> customer.renewalResources(new RenewalResourcesRequest().withBody(
                    new RenewalResourcesReq().withResourceIds(List.of(lapsed)).withPeriodType(2).withPeriodNum(1))),
                    400, "CBC.99003016");

            // auto_renew_times used up: the third month is not renewed
            BigDecimal before = cash();
            List<String> renewalsBefore = orderIds("2");
            clock.moveTo(deductionDay(Instant.parse(resource(server).getExpireTime()), 6));
            clock.runLifecycle();
            assertThat(orderIds("2")).containsExactlyInAnyOrderElementsOf(renewalsBefore);
            assertThat(cash()).isEqualByComparingTo(before);

            CancelResourcesSubscriptionResponse unsubscribed = customer.cancelResourcesSubscription(
                    new CancelResourcesSubscriptionRequest().withBody(new UnsubscribeResourcesReq()
                            .withResourceIds(List.of(server)).withUnsubscribeType(1).withUnsubscribeReasonType(5)));
            BigDecimal refunded = BigDecimal.ZERO;
            for (String refundOrder : unsubscribed.getOrderIds()) {
                BigDecimal amount = customer.showRefundOrderDetails(new ShowRefundOrderDetailsRequest()
                        .withOrderId(refundOrder)).getRefundInfos().stream().map(r -> r.getAmount().negate())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(changes(refundOrder)).isEqualByComparingTo(amount);
                assertThat(billed(refundOrder, clock.now())).isEqualByComparingTo(amount.negate());
                refunded = refunded.add(amount);
            }
            assertThat(refunded).isPositive();
            assertThat(cash()).isEqualByComparingTo(before.add(refunded));
            assertThat(resources(renewing.path("order_id").asText())).isEmpty();
        } finally {
            clock.offset(Duration.ZERO);
        }
    }

    /** {@code days} before {@code expiry}, at 03:30 UTC+8: the lifecycle's auto-renewal time on that day. */
    private static Instant deductionDay(Instant expiry, int days) {
        return expiry.atZone(BssTime.BUSINESS_ZONE).toLocalDate().minusDays(days).atTime(3, 30)
                .atZone(BssTime.BUSINESS_ZONE).toInstant();
    }

    private List<String> orderIds(String orderType) {
        return new ArrayList<>(customer.listCustomerOrders(new ListCustomerOrdersRequest().withOrderType(orderType)
                .withLimit(100)).getOrderInfos().stream().map(CustomerOrderV2::getOrderId).toList());
    }

    private CustomerOrderV2 order(String orderId) {
        return customer.listCustomerOrders(new ListCustomerOrdersRequest().withOrderId(orderId)).getOrderInfos()
                .getFirst();
    }

    /** The net change of the cash account's change records of one trade (revenue adds, expense takes away). */
    private BigDecimal changes(String tradeId) {
        return customer.listCustomerAccountChangeRecords(new ListCustomerAccountChangeRecordsRequest()
                        .withBalanceType("BALANCE_TYPE_DEBIT").withTradeId(tradeId)).getRecords().stream()
                .map(r -> r.getRevenueExpenseType().equals("EXPENSE") ? new BigDecimal(r.getChangeAmount()).negate()
                        : new BigDecimal(r.getChangeAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the fee records of one trade, in the bill cycle of {@code when}, say the customer paid in cash. */
    private BigDecimal billed(String tradeId, Instant when) {
        return customer.listCustomerBillsFeeRecords(new ListCustomerBillsFeeRecordsRequest()
                        .withBillCycle(YearMonth.from(when.atZone(BssTime.BUSINESS_ZONE)).toString())
                        .withTradeId(tradeId)).getRecords().stream().map(MonthlyBillRecord::getCashAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A server with its disk, ordered for {@code buyer} by a cloud service (the internal purchase API). */
    static JsonNode purchase(TestPlatform.Customer buyer) {
        Map<String, Object> vm = product("vm", null, "hws.service.type.ec2", "hws.resource.type.vm",
                "s6.small.1.linux", 1);
        Map<String, Object> disk = product("disk", "vm", "hws.service.type.ebs", "hws.resource.type.volume", "SATA",
                1);
        disk.put("resource_size", 40);
        disk.put("size_measure_id", 17);
        return admin().expect("POST", ORDERS, Map.of("idempotency_key", UUID.randomUUID().toString(),
                "customer_id", buyer.id(), "products", List.of(vm, disk)));
    }

    /** A product of a purchase (the internal purchase API) for {@code months} months in cn-north-4. */
    static Map<String, Object> product(String id, String mainId, String service, String type, String spec,
            int months) {
        Map<String, Object> product = new HashMap<>();
        product.put("id", id);
        product.put("main_id", mainId);
        product.put("service_type_code", service);
        product.put("resource_type_code", type);
        product.put("resource_spec_code", spec);
        product.put("region_code", "cn-north-4");
        product.put("period_type", 2);
        product.put("period_num", months);
        return product;
    }

    private List<OrderInstanceV2> resources(String orderId) {
        return customer.listPayPerUseCustomerResources(new ListPayPerUseCustomerResourcesRequest()
                .withBody(new QueryResourcesReq().withOrderId(orderId))).getData();
    }

    private OrderInstanceV2 resource(String resourceId) {
        return customer.listPayPerUseCustomerResources(new ListPayPerUseCustomerResourcesRequest()
                .withBody(new QueryResourcesReq().withResourceIds(List.of(resourceId)).withOnlyMainResource(1)))
                .getData().get(0);
    }

    private BigDecimal cash() {
        return customer.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()).getAccountBalances()
                .stream().filter(b -> b.getAccountType() == 1).findFirst().orElseThrow().getAmount();
    }
}
