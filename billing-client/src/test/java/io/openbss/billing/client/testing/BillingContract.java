package io.openbss.billing.client.testing;

import static io.openbss.billing.client.testing.CallerRequests.charge;
import static io.openbss.billing.client.testing.CallerRequests.diskWithoutSize;
import static io.openbss.billing.client.testing.CallerRequests.key;
import static io.openbss.billing.client.testing.CallerRequests.line;
import static io.openbss.billing.client.testing.CallerRequests.refundLine;
import static io.openbss.billing.client.testing.CallerRequests.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.billing.client.RatedItems;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorBody;
import io.openbss.common.remote.Refusal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What orders-service and enterprise-service rely on billing-service's internal API for, as they call it: through the
 * {@link BillingClient}, with the requests they send, answers read into the client's models. billing-service's tests
 * check billing against it, so that a change of its internal API fails there first; the billing client's tests check
 * {@link FakeBilling} against it, so that the callers' tests run against a fake that answers as billing does.
 * A subclass wires the client to the billing under test and arranges what the client cannot (money, credit, coupons).
 */
public abstract class BillingContract {

    protected static final Duration WAIT = Duration.ofSeconds(20);

    /** The client, calling the billing-service under test. */
    protected abstract BillingClient billing();

    /** Adds cash to a registered customer's account (a recharge). */
    protected abstract void addCash(String customerId, String amount);

    /** Grants credit to a registered customer: this limit, all of it available. */
    protected abstract void grantCredit(String customerId, String limit);

    /** Issues a cash coupon of this value to a registered customer, valid now for any service; its id. */
    protected abstract String issueCashCoupon(String customerId, String value);

    /** The spec of a product sold only with a size (a disk): its yearly/monthly price depends on it. */
    protected abstract String linearSpec();

    @Test
    void aRatingPricesEachItemInTheOrderSentWithTheDiscountAnOrderApplies() {
        String customer = customer("0");
        BillingModels.RatedProducts rated = answer(billing().ratePeriod(new BillingModels.PeriodRating(customer,
                List.of(vm("first", "s6.large.2.linux", 2, 1, 1), vm("second", "s6.large.2.linux", 2, 1, 2)))));

        assertThat(rated.items()).extracting(BillingModels.RatedProduct::id).containsExactly("first", "second");
        for (BillingModels.RatedProduct item : rated.items()) {
            assertThat(item.productId()).isNotBlank();
            assertThat(item.resourceTypeName()).isNotBlank();
            assertThat(item.maxPeriodMonths()).isPositive();
            assertThat(item.officialAmount()).isPositive();
            assertThat(item.amount()).isEqualByComparingTo(item.officialAmount().subtract(item.discountAmount()));
            assertThat(item.discountType()).isNotBlank();
        }
        // two resources cost twice one
        assertThat(rated.items().get(1).officialAmount())
                .isEqualByComparingTo(rated.items().get(0).officialAmount().multiply(BigDecimal.TWO));
        assertThat(rated.amount())
                .isEqualByComparingTo(rated.items().get(0).amount().add(rated.items().get(1).amount()));
    }

    @Test
    void aProductNotSoldIsRefusedAsNotFound() {
        ErrorBody refusal = refusal(billing().ratePeriod(new BillingModels.PeriodRating(customer("0"),
                List.of(vm("a", "unknown.spec", 2, 1, 1)))));
        assertThat(refusal.errorCode()).isEqualTo("CBC.99006006");
    }

    /** orders-service tells its caller which of its own items it was ({@link RatedItems}). */
    @Test
    void aProductSoldBySizeWithoutASizeIsRefusedNamingTheItem() {
        BillingModels.PeriodProduct disk = diskWithoutSize("b", linearSpec());
        Throwable failure = catchThrowable(() -> answer(billing().ratePeriod(new BillingModels.PeriodRating(
                customer("0"), List.of(vm("a", "s6.large.2.linux", 2, 1, 1), disk)))));

        assertThat(failure).isInstanceOf(Refusal.class);
        assertThat(((Refusal) failure).body().errorCode()).isEqualTo("CBC.0100");
        Throwable named = RatedItems.named(failure, 2, i -> "products[" + i + "]");
        assertThat(named).isInstanceOf(BssException.class)
                .hasMessageStartingWith("Invalid parameter products[1].resource_size");
    }

    @Test
    void aChargeTakesItsLinesFromCashOnceForItsKey() {
        String customer = customer("100.00");
        BillingModels.Charge charge = charge(key(), customer, List.of(), line("30.00"), line("20.50"));

        BillingModels.Charged charged = answer(billing().charge(charge));
        assertThat(charged.replayed()).isFalse();
        assertThat(charged.amount()).isEqualByComparingTo("50.50");
        assertThat(charged.cashAmount()).isEqualByComparingTo("50.50");
        assertThat(charged.couponAmount()).isEqualByComparingTo("0");
        assertThat(charged.lines()).extracting(BillingModels.LinePayment::cashAmount)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("30.00"), new BigDecimal("20.50"));
        assertThat(cash(customer)).isEqualByComparingTo("49.50");

        BillingModels.Charged replayed = answer(billing().charge(charge));
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.entryId()).isEqualTo(charged.entryId());
        assertThat(replayed.amount()).isEqualByComparingTo("50.50");
        assertThat(cash(customer)).isEqualByComparingTo("49.50");
    }

    @Test
    void aChargeTheCashCannotCoverIsRefusedAndMovesNothing() {
        String customer = customer("10.00");
        ErrorBody refusal = refusal(billing().charge(charge(key(), customer, List.of(), line("10.01"))));
        assertThat(refusal.errorCode()).isEqualTo("CBC.99005003");
        assertThat(cash(customer)).isEqualByComparingTo("10.00");
    }

    @Test
    void aCashCouponThatAppliesToTheOrderPaysBeforeCash() {
        String customer = customer("100.00");
        String coupon = issueCashCoupon(customer, "10.00");
        JsonObject applicable = answer(billing().applicableCoupons(new BillingModels.ApplicableCoupons(customer,
                null, "CS" + key(), List.of("hws.service.type.ec2"), new BigDecimal("30.00"), 0, 10)));
        assertThat(applicable.getJsonArray("coupon_max_use_quantity")).isNotEmpty();
        JsonObject listed = applicable.getJsonArray("user_coupons").stream().map(JsonObject.class::cast)
                .filter(c -> coupon.equals(c.getString("coupon_id"))).findFirst().orElseThrow();
        assertThat(listed.getInteger("coupon_type")).isEqualTo(1);
        assertThat(new BigDecimal(listed.getValue("balance").toString())).isEqualByComparingTo("10.00");

        BillingModels.Charged charged = answer(billing().charge(charge(key(), customer, List.of(coupon),
                line("18.00"), line("12.00"))));
        assertThat(charged.amount()).isEqualByComparingTo("30.00");
        assertThat(charged.couponAmount()).isEqualByComparingTo("10.00");
        assertThat(charged.cashAmount()).isEqualByComparingTo("20.00");
        // each line's split is what its bill line records: the lines add up to the charge
        assertThat(charged.lines()).hasSize(2);
        assertThat(sum(charged.lines().stream().map(BillingModels.LinePayment::couponAmount)))
                .isEqualByComparingTo("10.00");
        assertThat(sum(charged.lines().stream().map(BillingModels.LinePayment::cashAmount)))
                .isEqualByComparingTo("20.00");
        assertThat(cash(customer)).isEqualByComparingTo("80.00");
        JsonObject spent = answer(billing().applicableCoupons(new BillingModels.ApplicableCoupons(customer, null,
                "CS" + key(), List.of("hws.service.type.ec2"), new BigDecimal("30.00"), 0, 10)));
        assertThat(spent.getJsonArray("user_coupons").stream().map(JsonObject.class::cast)
                .map(c -> c.getString("coupon_id"))).doesNotContain(coupon);
    }

    @Test
    void applicableCouponsNeedTheServicesOfTheOrder() {
        String customer = customer("0");
        ErrorBody refusal = refusal(billing().applicableCoupons(new BillingModels.ApplicableCoupons(customer, null,
                "CS" + key(), List.of(), new BigDecimal("30.00"), 0, 10)));
        assertThat(refusal.errorCode()).isEqualTo("CBC.0100");
        assertThat(refusal.errorMsg()).contains("service_type_codes");
    }

    @Test
    void aRefundGivesBackToCashOnceForItsKey() {
        String customer = customer("100.00");
        String trade = "CS" + key();
        answer(billing().charge(new BillingModels.Charge(key(), customer, null, trade, List.of(),
                List.of(line("60.00")))));
        BillingModels.Refund refund = new BillingModels.Refund(key(), customer, null, "CS" + key(), trade,
                List.of(refundLine("-25.00")));

        BillingModels.Charged refunded = answer(billing().refund(refund));
        assertThat(refunded.replayed()).isFalse();
        assertThat(refunded.amount()).isEqualByComparingTo("25.00");
        assertThat(refunded.cashAmount()).isEqualByComparingTo("25.00");
        assertThat(refunded.lines()).singleElement().extracting(BillingModels.LinePayment::cashAmount)
                .satisfies(cash -> assertThat(cash).isEqualByComparingTo("25.00"));
        assertThat(cash(customer)).isEqualByComparingTo("65.00");

        BillingModels.Charged replayed = answer(billing().refund(refund));
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.entryId()).isEqualTo(refunded.entryId());
        assertThat(cash(customer)).isEqualByComparingTo("65.00");
    }

    @Test
    void aRegisteredCustomerHasCashAndNoCreditUntilGranted() {
        String customer = customer("0");
        answer(billing().register(customer, "c-" + customer));

        BillingModels.Funds funds = answer(billing().funds(customer));
        assertThat(funds.customerId()).isEqualTo(customer);
        assertThat(funds.currency()).isEqualTo("CNY");
        assertThat(funds.cash().balance()).isEqualByComparingTo("0.00");
        assertThat(funds.credit()).isNull();

        grantCredit(customer, "500.00");
        BillingModels.Credit credit = answer(billing().funds(customer)).credit();
        assertThat(credit.available()).isEqualByComparingTo("500.00");
        assertThat(credit.creditLimit()).isEqualByComparingTo("500.00");
    }

    @Test
    void theFundsOfACustomerBillingDoesNotKnowAreRefused() {
        ErrorBody refusal = refusal(billing().funds(key()));
        assertThat(refusal.errorCode()).isEqualTo("CBC.0101");
    }

    @Test
    void aTransferMovesCashOnceForItsKey() {
        String master = customer("100.00");
        String sub = customer("0");
        BillingModels.Transfer transfer = new BillingModels.Transfer(key(), master, sub, new BigDecimal("30.50"),
                BillingModels.CASH, "ALLOCATE", key());

        BillingModels.Posted posted = answer(billing().transfer(transfer));
        assertThat(posted.replayed()).isFalse();
        assertThat(cash(master)).isEqualByComparingTo("69.50");
        assertThat(cash(sub)).isEqualByComparingTo("30.50");

        BillingModels.Posted replayed = answer(billing().transfer(transfer));
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.entryId()).isEqualTo(posted.entryId());
        assertThat(cash(master)).isEqualByComparingTo("69.50");

        ErrorBody refusal = refusal(billing().transfer(new BillingModels.Transfer(key(), sub, master,
                new BigDecimal("30.51"), BillingModels.CASH, "RECLAIM", null)));
        assertThat(refusal.errorCode()).isEqualTo("CBC.99005003");
        assertThat(cash(sub)).isEqualByComparingTo("30.50");
    }

    @Test
    void aTransferOfCreditMovesAvailableCredit() {
        String master = customer("0");
        String sub = customer("0");
        grantCredit(master, "500.00");

        answer(billing().transfer(new BillingModels.Transfer(key(), master, sub, new BigDecimal("100.00"),
                BillingModels.CREDIT, "ALLOCATE", null)));
        assertThat(answer(billing().funds(master)).credit().available()).isEqualByComparingTo("400.00");
        assertThat(answer(billing().funds(sub)).credit().available()).isEqualByComparingTo("100.00");
    }

    @Test
    void aCouponIsGivenToASubAccountOnceAndTakenBack() {
        String master = customer("0");
        String sub = customer("0");
        String coupon = issueCashCoupon(master, "50.00");
        BillingModels.CouponPage own = answer(billing().transferableCoupons(master, 0, 10));
        assertThat(own.totalCount()).isEqualTo(1);
        assertThat(own.coupons()).singleElement().satisfies(held -> {
            assertThat(held.couponId()).isEqualTo(coupon);
            assertThat(held.subCouponId()).isNull();
            assertThat(held.balance()).isEqualTo("50.00");
        });

        BillingModels.CouponTransfer transfer = new BillingModels.CouponTransfer(key(), master, sub,
                new BigDecimal("20.00"));
        String given = answer(billing().transferCoupon(coupon, transfer)).id();
        assertThat(given).isNotBlank().isNotEqualTo(coupon);
        assertThat(answer(billing().transferCoupon(coupon, transfer)).id()).isEqualTo(given);
        assertThat(answer(billing().transferableCoupons(master, 0, 10)).coupons().get(0).balance()).isEqualTo("30.00");
        BillingModels.CouponPage received = answer(billing().receivedCoupons(sub, master, 0, 10));
        assertThat(received.totalCount()).isEqualTo(1);
        assertThat(received.coupons()).singleElement().satisfies(held -> {
            assertThat(held.couponId()).isEqualTo(coupon);
            assertThat(held.subCouponId()).isEqualTo(given);
            assertThat(held.balance()).isEqualTo("20.00");
        });

        BillingModels.CouponReclaim reclaim = new BillingModels.CouponReclaim(key(), sub, coupon, master);
        assertThat(answer(billing().reclaimCoupon(given, reclaim)).amount()).isEqualByComparingTo("20.00");
        assertThat(answer(billing().reclaimCoupon(given, reclaim)).amount()).isEqualByComparingTo("20.00");
        assertThat(answer(billing().transferableCoupons(master, 0, 10)).coupons().get(0).balance()).isEqualTo("50.00");
        assertThat(answer(billing().receivedCoupons(sub, master, 0, 10)).totalCount()).isZero();
    }

    @Test
    void aCouponCannotGiveMoreThanItHolds() {
        String master = customer("0");
        String sub = customer("0");
        String coupon = issueCashCoupon(master, "5.00");
        ErrorBody refusal = refusal(billing().transferCoupon(coupon, new BillingModels.CouponTransfer(key(), master,
                sub, new BigDecimal("5.01"))));
        assertThat(refusal.errorCode()).isEqualTo("CBC.99005003");
    }

    @Test
    void anAssociationIsKeptIdempotentlyAndAnAccountCannotBeItsOwnSubAccount() {
        String master = customer("0");
        String sub = customer("0");
        BillingModels.Association association = new BillingModels.Association(master, true, false);
        answer(billing().associate(sub, association));
        answer(billing().associate(sub, association));

        ErrorBody refusal = refusal(billing().associate(master, association));
        assertThat(refusal.errorCode()).isEqualTo("CBC.0101");
    }

    /** A new customer registered with billing, as enterprise-service registers a sub-account, with this cash. */
    protected String customer(String cash) {
        String id = key();
        answer(billing().register(id, "c-" + id));
        if (new BigDecimal(cash).signum() > 0) {
            addCash(id, cash);
        }
        return id;
    }

    protected BigDecimal cash(String customerId) {
        return answer(billing().funds(customerId)).cash().balance();
    }

    protected static <T> T answer(Uni<T> call) {
        return call.await().atMost(WAIT);
    }

    /** The body of billing's refusal of the call. */
    protected static ErrorBody refusal(Uni<?> call) {
        Throwable failure = catchThrowable(() -> answer(call));
        assertThat(failure).isInstanceOf(Refusal.class);
        return ((Refusal) failure).body();
    }

    private static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
