package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static io.openbss.e2e.TestPlatform.demo;
import static io.openbss.e2e.TestPlatform.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.CustomerOrderV2;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.PayCustomerOrderV3Req;
import com.huaweicloud.sdk.bss.v2.model.PayOrdersRequest;
import io.openbss.common.time.BssTime;
import io.openbss.launcher.DemoData;
import io.openbss.launcher.ReconcileCommand;
import io.openbss.launcher.Reconciliation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./bss reconcile} on the platform: every view of the demo's history agrees (whatever the other tests did
 * since, through the real flows), and a difference planted in one view is reported with the ids that show it.
 */
@ExtendWith(TestPlatform.class)
class ReconcileIT {

    @Test
    void theDemoHistoryReconcilesInEveryCycle() {
        List<String> accounts = DemoData.ACCOUNTS.stream().map(a -> demo().get(a.envPrefix() + "DOMAIN_ID")).toList();
        YearMonth now = YearMonth.from(BssTime.businessDate(Instant.now()));
        List<Reconciliation.Difference> differences = ReconcileCommand.reconcile(admin(), settings().endpoint(),
                accounts, now.minusMonths(3), now);
        assertThat(differences).isEmpty();
        assertThat(new ReconcileCommand(admin(), settings().endpoint()).run(List.of("--months", "4"))).isZero();
    }

    @Test
    void anOrderThatDisagreesWithItsBillIsReported() throws Exception {
        TestPlatform.Customer buyer = TestPlatform.newIndividual("1000.00");
        String orderId = OrdersIT.purchase(buyer).path("order_id").asText();
        buyer.client().payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req().withOrderId(orderId)));
        YearMonth now = YearMonth.from(BssTime.businessDate(Instant.now()));
        assertThat(ReconcileCommand.reconcile(admin(), settings().endpoint(), List.of(buyer.id()), now, now))
                .isEmpty();
        plantCardAmount(orderId, "+ 1");
        try {
            assertThat(ReconcileCommand.reconcile(admin(), settings().endpoint(), List.of(buyer.id()), now, now))
                    .singleElement().satisfies(d -> {
                        assertThat(d.customerId()).isEqualTo(buyer.id());
                        assertThat(d.check()).contains("card");
                        assertThat(d.detail()).contains(orderId);
                    });
        } finally {
            // the platform is shared: the other tests reconcile every account
            plantCardAmount(orderId, "- 1");
        }
    }

    @Test
    void anOrderPaidWithoutItsDiscountShowsWhatWasCharged() {
        TestPlatform.Customer buyer = TestPlatform.newIndividual("1000.00");
        // three months of a volume: the EVS promotion (10% off from 3 months) is the order's best offer
        Map<String, Object> volume = OrdersIT.product("disk", null, "hws.service.type.ebs",
                "hws.resource.type.volume", "SSD", 3);
        volume.put("resource_size", 100);
        volume.put("size_measure_id", 17);
        String orderId = admin().expect("POST", OrdersIT.ORDERS, Map.of("idempotency_key", UUID.randomUUID()
                .toString(), "customer_id", buyer.id(), "products", List.of(volume))).path("order_id").asText();
        BssClient client = buyer.client();
        assertThat(order(client, orderId).getAmountInfo().getDiscounts()).isNotEmpty();
        client.payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req().withOrderId(orderId)
                .withUseDiscount("NO").withUseCoupon("NO")));
        CustomerOrderV2 paid = order(client, orderId);
        assertThat(paid.getAmountInfo().getDiscounts()).isEmpty();
        assertThat(paid.getAmountAfterDiscount()).isEqualTo(paid.getOfficialAmount());
        YearMonth now = YearMonth.from(BssTime.businessDate(Instant.now()));
        assertThat(ReconcileCommand.reconcile(admin(), settings().endpoint(), List.of(buyer.id()), now, now))
                .isEmpty();
    }

    private static CustomerOrderV2 order(BssClient client, String orderId) {
        return client.listCustomerOrders(new ListCustomerOrdersRequest().withOrderId(orderId)).getOrderInfos()
                .getFirst();
    }

    private static void plantCardAmount(String orderId, String change) throws Exception {
        try (Connection db = TestPlatform.database(); PreparedStatement update = db.prepareStatement(
                "UPDATE orders.customer_order SET stored_card_amount = stored_card_amount " + change
                        + " WHERE order_id = ?")) {
            update.setString(1, orderId);
            assertThat(update.executeUpdate()).isOne();
        }
    }
}
