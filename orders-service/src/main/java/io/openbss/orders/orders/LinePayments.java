package io.openbss.orders.orders;

import io.openbss.billing.client.BillingModels;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.util.ArrayList;
import java.util.List;

/**
 * What paid each line of a paid order, or went back for each line of a refund order, as billing's bill line for it
 * records it (coupon, stored-value card, and the rest: cash, credit, arrears), so that the order's line items agree
 * with its bill lines.
 */
public final class LinePayments {

    private LinePayments() {
    }

    /** Records billing's answer for the lines it was sent, in that order; nothing when it did not say per line. */
    public static Uni<Void> record(SqlClient sql, String orderId, List<String> lineIds,
            BillingModels.Charged charged) {
        List<Numeric[]> amounts = of(charged, lineIds.size());
        if (amounts == null) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Numeric[] paid = amounts.get(i);
            batch.add(Tuple.of(orderId, lineIds.get(i), paid[0], paid[1], paid[2]));
        }
        return sql.preparedQuery("""
                        UPDATE order_line SET coupon_amount = $3, stored_card_amount = $4, consumed_amount = $5
                         WHERE order_id = $1 AND line_id = $2""")
                .executeBatch(batch).replaceWithVoid();
    }

    /**
     * What paid each of the {@code count} lines billing was sent, in that order: coupon, stored-value card, and the
     * rest; null when billing did not say per line.
     */
    public static List<Numeric[]> of(BillingModels.Charged charged, int count) {
        List<BillingModels.LinePayment> lines = charged.lines();
        if (lines == null || lines.size() != count) {
            return null;
        }
        List<Numeric[]> amounts = new ArrayList<>();
        for (BillingModels.LinePayment p : lines) {
            amounts.add(new Numeric[] {Numeric.create(p.couponAmount()), Numeric.create(p.storedCardAmount()),
                    Numeric.create(p.cashAmount().add(p.creditAmount()).add(p.debtAmount()))});
        }
        return amounts;
    }
}
