package io.openbss.orders.orders;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/** A customer order: new purchase, renewal, change, unsubscribe, ... with its amounts and status. */
public class CustomerOrder {

    public String orderId;

    public String customerId;

    public String payerCustomerId;

    public String serviceTypeCode;

    public String serviceTypeName;

    public int sourceType;

    public int status;

    public int orderType;

    public BigDecimal officialAmount;

    public BigDecimal amountAfterDiscount;

    public BigDecimal couponAmount;

    public BigDecimal flexipurchaseCouponAmount;

    public BigDecimal storedCardAmount;

    public BigDecimal commissionAmount;

    public BigDecimal consumedAmount;

    public String currency;

    public String contractId;

    public String userName;

    public String enterpriseProjectId;

    public String enterpriseProjectName;

    public Instant createTime;

    public Instant paymentTime;

    /** A row of {@code customer_order}. */
    static CustomerOrder of(Row row) {
        CustomerOrder order = new CustomerOrder();
        order.orderId = row.getString("order_id");
        order.customerId = row.getString("customer_id");
        order.payerCustomerId = row.getString("payer_customer_id");
        order.serviceTypeCode = row.getString("service_type_code");
        order.serviceTypeName = row.getString("service_type_name");
        order.sourceType = row.getInteger("source_type");
        order.status = row.getInteger("status");
        order.orderType = row.getInteger("order_type");
        order.officialAmount = row.getBigDecimal("official_amount");
        order.amountAfterDiscount = row.getBigDecimal("amount_after_discount");
        order.couponAmount = row.getBigDecimal("coupon_amount");
        order.flexipurchaseCouponAmount = row.getBigDecimal("flexipurchase_coupon_amount");
        order.storedCardAmount = row.getBigDecimal("stored_card_amount");
        order.commissionAmount = row.getBigDecimal("commission_amount");
        order.consumedAmount = row.getBigDecimal("consumed_amount");
        order.currency = row.getString("currency");
        order.contractId = row.getString("contract_id");
        order.userName = row.getString("user_name");
        order.enterpriseProjectId = row.getString("enterprise_project_id");
        order.enterpriseProjectName = row.getString("enterprise_project_name");
        order.createTime = instant(row.getOffsetDateTime("create_time"));
        order.paymentTime = instant(row.getOffsetDateTime("payment_time"));
        return order;
    }

    /** Inserts the order unless one with its id exists; whether it did. */
    Uni<Boolean> insertIfAbsent(SqlConnection connection) {
        return connection.preparedQuery("""
                        INSERT INTO customer_order (order_id, customer_id, payer_customer_id, service_type_code,
                            service_type_name, source_type, status, order_type, official_amount,
                            amount_after_discount, coupon_amount, flexipurchase_coupon_amount, stored_card_amount,
                            commission_amount, consumed_amount, currency, contract_id, user_name,
                            enterprise_project_id, enterprise_project_name, create_time, payment_time)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                                $20, $21, $22)
                        ON CONFLICT (order_id) DO NOTHING
                        RETURNING order_id""")
                .execute(Tuple.from(Arrays.asList(orderId, customerId, payerCustomerId, serviceTypeCode,
                        serviceTypeName, (short) sourceType, (short) status, (short) orderType, numeric(officialAmount),
                        numeric(amountAfterDiscount), numeric(couponAmount), numeric(flexipurchaseCouponAmount),
                        numeric(storedCardAmount), numeric(commissionAmount), numeric(consumedAmount), currency,
                        contractId, userName, enterpriseProjectId, enterpriseProjectName,
                        utc(createTime), utc(paymentTime))))
                .map(rows -> rows.size() > 0);
    }

    private static Numeric numeric(BigDecimal value) {
        return value == null ? null : Numeric.create(value);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
