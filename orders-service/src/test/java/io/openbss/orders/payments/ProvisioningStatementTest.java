package io.openbss.orders.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.client.BillingModels;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.PaymentStatus;
import io.openbss.orders.resources.ProjectAssignment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statement that records a charge keeps one text per kind of order, whatever its number of lines, under the
 * 2,048 characters up to which the SQL client keeps a statement prepared: past them each payment would be parsed and
 * planned again.
 */
class ProvisioningStatementTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void oneTextPerKindOfOrderShortEnoughToStayPrepared() {
        for (OrderType type : List.of(OrderType.NEW_PURCHASE, OrderType.RENEWAL)) {
            String one = statement(type, 1).sql();
            String many = statement(type, 40).sql();
            assertThat(many).as(type.name()).isEqualTo(one);
            assertThat(one.length()).as(type.name()).isLessThan(2048);
            // 6 parameters for the attempt, 7 for the order, 6 arrays for the lines, 27 for the resources, 1 more
            assertThat(statement(type, 40).parameters().size())
                    .isEqualTo(type == OrderType.NEW_PURCHASE ? 47 : 20);
        }
    }

    private static Provisioning.Statement statement(OrderType type, int lines) {
        List<OrderToPay.Line> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            items.add(new OrderToPay.Line("L" + i, "r" + i, i == 0 ? null : "r0", "hws.service.type.ec2", "ECS",
                    "hws.resource.type.vm", "VM", "s6.large.2.linux", "cn-north-4", "p1", "spec", "vm-" + i,
                    ProjectAssignment.of(null, "0", "default"), null, null, 2, 1, 36, new BigDecimal("10.00"),
                    BigDecimal.ZERO, type == OrderType.RENEWAL ? Instant.parse("2026-12-01T00:00:00Z") : null,
                    type == OrderType.RENEWAL ? Instant.parse("2027-01-01T00:00:00Z") : null));
        }
        OrderToPay order = new OrderToPay("CS1", "c1", null, OrderStatus.PROCESSING, type, 1, null, items);
        Payment payment = new Payment("CS1", 1, PaymentStatus.PENDING, List.of(), null,
                new BigDecimal("10.00").multiply(BigDecimal.valueOf(lines)), "h", null, NOW);
        BigDecimal paid = payment.amount();
        BillingModels.Charged charged = new BillingModels.Charged(1, false, paid, BigDecimal.ZERO, BigDecimal.ZERO,
                paid, BigDecimal.ZERO, null);
        return Provisioning.statement(order, payment, charged, NOW);
    }
}
