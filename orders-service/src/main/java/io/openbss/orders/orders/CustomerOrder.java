package io.openbss.orders.orders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A customer order: new purchase, renewal, change, unsubscribe, ... with its amounts and status. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "payer_customer_id")
    public String payerCustomerId;

    @Column(name = "service_type_code")
    public String serviceTypeCode;

    @Column(name = "service_type_name")
    public String serviceTypeName;

    @Column(name = "source_type")
    public int sourceType;

    @Column(name = "status")
    public int status;

    @Column(name = "order_type")
    public int orderType;

    @Column(name = "official_amount")
    public BigDecimal officialAmount;

    @Column(name = "amount_after_discount")
    public BigDecimal amountAfterDiscount;

    @Column(name = "coupon_amount")
    public BigDecimal couponAmount;

    @Column(name = "flexipurchase_coupon_amount")
    public BigDecimal flexipurchaseCouponAmount;

    @Column(name = "stored_card_amount")
    public BigDecimal storedCardAmount;

    @Column(name = "commission_amount")
    public BigDecimal commissionAmount;

    @Column(name = "consumed_amount")
    public BigDecimal consumedAmount;

    @Column(name = "currency")
    public String currency;

    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "enterprise_project_id")
    public String enterpriseProjectId;

    @Column(name = "enterprise_project_name")
    public String enterpriseProjectName;

    @Column(name = "create_time")
    public Instant createTime;

    @Column(name = "payment_time")
    public Instant paymentTime;
}
