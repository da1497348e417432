package io.openbss.billing.ledger;

import io.openbss.billing.BillingError;
import io.openbss.billing.bills.BillLineInput;
import io.openbss.billing.bills.BillLineWriter;
import io.openbss.billing.ledger.PaymentPlan.AccountRole;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Charges a customer, exactly once per idempotency key, in one transaction: discount coupons lower the amounts,
 * then cash coupons, stored-value cards, cash and credit pay in that order (and arrears, for usage), the entry moves
 * the money and the bill lines record what paid each line. The total deducted is rounded to the cent once.
 */
@ApplicationScoped
public class ChargeService {

    static final String REVENUE = "SYSTEM-REVENUE";

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    @Inject
    BillLineWriter bills;

    /**
     * Posts a charge, or answers the earlier one with its key. What paid each bill line comes from the payment plan
     * when this call posted it, and is read back from the bill lines only for a replay.
     */
    public Uni<ChargeResult> charge(ChargeRequest request) {
        AtomicReference<List<BillLineWriter.Payment>> paid = new AtomicReference<>();
        return ledger.transaction(connection -> charge(connection, header(request), request, paid::set)
                .flatMap(entry -> (entry.replayed() ? bills.payments(connection, entry.tradeId(), entry.entryId())
                        : Uni.createFrom().item(paid.get())).map(lines -> ChargeResult.of(entry, false, lines))));
    }

    /** The journal entry a charge posts. */
    public static EntryHeader header(ChargeRequest request) {
        return new EntryHeader("charge:" + request.idempotencyKey(), request.contentHash(), TradeType.DEDUCT,
                request.lines().getFirst().chargingMode() == 1 ? "DEDUCT_ORDER" : "DEDUCT_USAGE", request.tradeId(),
                request.payer(), singleService(request.lines()), null, null, null, null, request.businessInstant());
    }

    /** The charge inside a transaction the caller owns (hourly usage rating posts many of them). */
    public Uni<PostedEntry> charge(SqlConnection connection, EntryHeader header, ChargeRequest request) {
        return charge(connection, header, request, paid -> { });
    }

    /** The same, handing what paid each bill line, in the order of the request's lines, to {@code paid}. */
    private Uni<PostedEntry> charge(SqlConnection connection, EntryHeader header, ChargeRequest request,
            Consumer<List<BillLineWriter.Payment>> paid) {
        return journal.claimed(connection, header, entryId -> coupons(connection, request)
                .flatMap(coupons -> lockPayingAccounts(connection, request, coupons)
                        .flatMap(paying -> pay(connection, entryId, header, request, coupons, paying, paid))));
    }

    /** An account that may pay, as locked, with its stored-value card's expiry when it is a card's. */
    record Payable(Journal.LockedAccount account, OffsetDateTime cardExpireTime) {

        static Payable of(Row row) {
            return new Payable(Journal.account(row), row.getOffsetDateTime("card_expire_time"));
        }

        Payable withBalance(BigDecimal balance) {
            Journal.LockedAccount a = account;
            return new Payable(new Journal.LockedAccount(a.accountId(), a.customerId(), a.accountType(),
                    a.instrumentId(), balance, a.creditLimit()), cardExpireTime);
        }
    }

    /** What can pay a charge: the payer's own accounts by type, coupons and cards by account, cards in paying order. */
    record PayingAccounts(Map<String, Journal.LockedAccount> own, Map<String, Journal.LockedAccount> instruments,
            List<String> cards) {

        static PayingAccounts of(Collection<Payable> payables) {
            Map<String, Journal.LockedAccount> own = new HashMap<>();
            Map<String, Journal.LockedAccount> instruments = new HashMap<>();
            List<Payable> cards = new ArrayList<>();
            for (Payable payable : payables) {
                Journal.LockedAccount account = payable.account();
                if (account.instrumentId() == null) {
                    own.put(account.accountType(), account);
                } else {
                    instruments.put(account.accountId(), account);
                    if (payable.cardExpireTime() != null && account.balance().signum() > 0) {
                        cards.add(payable);
                    }
                }
            }
            // cards soonest to expire pay first
            cards.sort(Comparator.comparing(Payable::cardExpireTime)
                    .thenComparing(p -> p.account().instrumentId()));
            return new PayingAccounts(own, instruments, cards.stream().map(p -> p.account().accountId()).toList());
        }
    }

    /** The columns of a locked account that may pay (ledger_account {@code a}), with its card's expiry. */
    static final String PAYABLE_COLUMNS = """
            a.account_id, a.customer_id, a.account_type, a.instrument_id, a.balance, a.credit_limit,
            (SELECT s.expire_time FROM stored_value_card s WHERE s.account_id = a.account_id) AS card_expire_time""";

    /** What can pay, locked in one statement in account order: the payer's own accounts, coupons and cards. */
    private Uni<PayingAccounts> lockPayingAccounts(SqlConnection connection, ChargeRequest request,
            List<ChosenCoupon> coupons) {
        String[] couponAccounts = coupons.stream().map(ChosenCoupon::accountId).filter(Objects::nonNull)
                .toArray(String[]::new);
        return connection.preparedQuery("SELECT " + PAYABLE_COLUMNS + """

                          FROM ledger_account a
                         WHERE a.account_id = ANY(
                                ARRAY(SELECT account_id FROM ledger_account
                                       WHERE customer_id = $1 AND instrument_id IS NULL)
                                || $2::varchar[]
                                || ARRAY(SELECT account_id FROM stored_value_card
                                          WHERE $3 AND customer_id = $1 AND effective_time <= $4 AND expire_time > $4))
                         ORDER BY a.account_id FOR UPDATE""")
                .execute(Tuple.of(request.payer(), couponAccounts, request.cardsPay(), journal.now()))
                .map(rows -> {
                    List<Payable> payables = new ArrayList<>();
                    rows.forEach(row -> payables.add(Payable.of(row)));
                    return PayingAccounts.of(payables);
                });
    }

    /** What a charge posts: its lines after discount coupons, the legs of its entry and what paid each line. */
    record Decided(List<BillLineInput> lines, List<Movement.Leg> legs, List<BillLineWriter.Payment> payments) {
    }

    private Uni<PostedEntry> pay(SqlConnection connection, long entryId, EntryHeader header, ChargeRequest request,
            List<ChosenCoupon> coupons, PayingAccounts paying, Consumer<List<BillLineWriter.Payment>> paid) {
        Decided decided = decide(request, coupons, paying);
        paid.accept(decided.payments());
        OffsetDateTime now = journal.businessTime(header);
        Uni<PostedEntry> written = decided.legs().isEmpty()
                ? Uni.createFrom().item(PostedEntry.withoutLines(entryId, header, now.toInstant()))
                : journal.write(connection, entryId, header, decided.legs());
        return written.call(() -> markDiscountCouponsUsed(connection, coupons, request.tradeId()))
                .call(() -> bills.write(connection, List.of(new BillLineWriter.TradeLines(trade(request, entryId, now),
                        decided.lines(), decided.payments()))));
    }

    /** The trade a charge's bill lines belong to. */
    static BillLineWriter.Trade trade(ChargeRequest request, long entryId, OffsetDateTime businessTime) {
        return new BillLineWriter.Trade(request.customerId(), request.payer(), entryId, request.tradeId(),
                businessTime);
    }

    /**
     * Decides what pays a charge from what can pay it, in the documented order; refuses it (CBC.99005003) when
     * they cannot pay it all, and a payer unknown to billing (400).
     */
    static Decided decide(ChargeRequest request, List<ChosenCoupon> coupons, PayingAccounts paying) {
        Map<String, Journal.LockedAccount> own = paying.own();
        Map<String, Journal.LockedAccount> instruments = paying.instruments();
        List<String> cards = paying.cards();
        if (!own.containsKey("CASH")) {
            throw new BssException(ErrorCode.INVALID_PARAMETER,
                    "Customer " + request.payer() + " is not registered with billing");
        }
        List<BillLineInput> lines = applyDiscountCoupons(request.lines(), coupons);
        List<String> services = lines.stream().map(BillLineInput::serviceTypeCode).toList();
        List<PaymentPlan.Source> sources = new ArrayList<>();
        for (ChosenCoupon coupon : coupons) {
            if (coupon.accountId() != null) {
                sources.add(new PaymentPlan.Source(coupon.accountId(), AccountRole.COUPON, coupon.couponId(),
                        Cents.of(instruments.get(coupon.accountId()).balance()), coupon.pays()));
            }
        }
        for (String card : cards) {
            Journal.LockedAccount account = instruments.get(card);
            sources.add(new PaymentPlan.Source(card, AccountRole.CARD, account.instrumentId(),
                    Cents.of(account.balance()), any -> true));
        }
        sources.add(source(own.get("CASH"), AccountRole.CASH));
        if (own.containsKey("CREDIT")) {
            sources.add(source(own.get("CREDIT"), AccountRole.CREDIT));
        }
        if (request.debtAllowed()) {
            sources.add(new PaymentPlan.Source(own.get("DEBT").accountId(), AccountRole.DEBT, null, Long.MAX_VALUE,
                    any -> true));
        }
        long[] dues = Cents.shares(lines.stream().map(BillLineInput::amount).toList());
        PaymentPlan plan = PaymentPlan.of(dues, services, sources);
        if (plan.unpaid() > 0) {
            throw new BssException(BillingError.INSUFFICIENT_BALANCE, "Insufficient balance: "
                    + Cents.toAmount(plan.unpaid()).toPlainString() + " cannot be paid");
        }
        List<Movement.Leg> legs = new ArrayList<>();
        long total = 0;
        for (PaymentPlan.Taken taken : plan.takings()) {
            legs.add(new Movement.Leg(taken.source().accountId(), Cents.toAmount(-taken.cents())));
            total += taken.cents();
        }
        if (total > 0) {
            legs.add(new Movement.Leg(REVENUE, Cents.toAmount(total)));
        }
        List<BillLineWriter.Payment> payments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            payments.add(new BillLineWriter.Payment(plan.paid(i, AccountRole.CASH), plan.paid(i, AccountRole.CREDIT),
                    plan.paid(i, AccountRole.COUPON), plan.paid(i, AccountRole.CARD), plan.paid(i, AccountRole.DEBT)));
        }
        return new Decided(lines, legs, payments);
    }

    private static PaymentPlan.Source source(Journal.LockedAccount account, AccountRole role) {
        return new PaymentPlan.Source(account.accountId(), role, null, Cents.of(account.balance()), any -> true);
    }

    /** A coupon chosen to pay, checked usable for this charge. */
    record ChosenCoupon(String couponId, int type, BigDecimal faceValue, BigDecimal discountRate, String accountId,
            Set<String> services) {

        Predicate<String> pays() {
            return service -> services.isEmpty() || services.contains(service);
        }
    }

    /** The coupons the charge names, locked, each checked applicable by the rules the list of them applies. */
    private Uni<List<ChosenCoupon>> coupons(SqlConnection connection, ChargeRequest request) {
        if (request.couponIds().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        BigDecimal orderAmount = request.lines().stream().map(BillLineInput::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<String> orderServices = new HashSet<>();
        request.lines().forEach(line -> orderServices.add(line.serviceTypeCode()));
        SqlQuery query = SqlQuery.sql();
        CouponApplicability rules = CouponApplicability.of(query, new CouponApplicability.Order(request.payer(),
                orderServices, orderAmount, journal.now()));
        return connection.preparedQuery("SELECT c.coupon_id, c.coupon_type, c.face_value, c.discount_rate, "
                        + "c.account_id, c.service_type_codes, c.min_order_amount, " + rules.checks()
                        + " FROM " + CouponApplicability.FROM + " WHERE c.coupon_id = ANY("
                        + query.bind(request.couponIds().toArray(String[]::new))
                        + ") ORDER BY c.coupon_id FOR UPDATE OF c")
                .execute(query.tuple())
                .map(rows -> {
                    Map<String, Row> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getString("coupon_id"), row));
                    List<ChosenCoupon> chosen = new ArrayList<>();
                    for (String id : request.couponIds()) {
                        Row row = byId.get(id);
                        String whyNot = rules.whyNot(row);
                        if (whyNot != null) {
                            throw unusable(id, whyNot);
                        }
                        chosen.add(new ChosenCoupon(id, row.getShort("coupon_type"), row.getBigDecimal("face_value"),
                                row.getBigDecimal("discount_rate"), row.getString("account_id"),
                                new HashSet<>(Arrays.asList(row.getArrayOfStrings("service_type_codes")))));
                    }
                    CouponApplicability.checkQuantities(chosen.stream().map(ChosenCoupon::type).toList());
                    return chosen;
                });
    }

    private static BssException unusable(String couponId, String why) {
        return new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId + " cannot be used: " + why);
    }

    /** A discount coupon takes its rate off the lines it applies to, at most its face value in all. */
    static List<BillLineInput> applyDiscountCoupons(List<BillLineInput> lines, List<ChosenCoupon> coupons) {
        List<BillLineInput> result = new ArrayList<>(lines);
        for (ChosenCoupon coupon : coupons) {
            if (coupon.accountId() != null) {
                continue;
            }
            BigDecimal[] off = new BigDecimal[result.size()];
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < result.size(); i++) {
                BillLineInput line = result.get(i);
                off[i] = coupon.pays().test(line.serviceTypeCode())
                        ? line.amount().multiply(BigDecimal.ONE.subtract(coupon.discountRate()))
                                .setScale(8, RoundingMode.DOWN)
                        : BigDecimal.ZERO;
                sum = sum.add(off[i]);
            }
            for (int i = 0; i < result.size(); i++) {
                BigDecimal take = sum.compareTo(coupon.faceValue()) <= 0 ? off[i]
                        : off[i].multiply(coupon.faceValue()).divide(sum, 8, RoundingMode.DOWN);
                if (take.signum() > 0) {
                    result.set(i, result.get(i).discountedBy(take));
                }
            }
        }
        return result;
    }

    private static Uni<Void> markDiscountCouponsUsed(SqlConnection connection, List<ChosenCoupon> coupons,
            String tradeId) {
        String[] ids = coupons.stream().filter(c -> c.accountId() == null).map(ChosenCoupon::couponId)
                .toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("UPDATE coupon SET used_by_trade_id = $2 WHERE coupon_id = ANY($1)")
                .execute(Tuple.of(ids, tradeId)).replaceWithVoid();
    }

    static String singleService(List<BillLineInput> lines) {
        Set<String> services = new HashSet<>();
        lines.forEach(l -> services.add(l.serviceTypeCode()));
        return services.size() == 1 ? services.iterator().next() : null;
    }
}
