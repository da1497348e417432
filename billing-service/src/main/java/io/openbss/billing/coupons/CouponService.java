package io.openbss.billing.coupons;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.BillingError;
import io.openbss.billing.customers.Customer;
import io.openbss.billing.ledger.EntryHeader;
import io.openbss.billing.ledger.Journal;
import io.openbss.billing.ledger.LedgerService;
import io.openbss.billing.ledger.Movement;
import io.openbss.billing.ledger.PostedEntry;
import io.openbss.billing.ledger.TradeType;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.hash.Sha256;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Coupons and stored-value cards as ledger instruments: issuing one moves its value from a system account into its
 * own account; giving part of a coupon to another customer moves value from one coupon account to a new one; taking
 * it back moves what is left home. Each is one transaction, idempotent by key; instrument ids derive from the key.
 */
@ApplicationScoped
public class CouponService {

    static final String PROMOTION = "SYSTEM-PROMOTION";
    static final String CARD_SALES = "SYSTEM-CARD-SALES";

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    public Uni<String> issueCoupon(CouponIssue issue) {
        String couponId = "CP" + Sha256.hex("coupon|" + issue.idempotencyKey()).substring(0, 22);
        boolean valued = issue.couponType() != 2;
        EntryHeader header = EntryHeader.of("coupon-issue:" + issue.idempotencyKey(), TradeType.ADJUST, "COUPON_ISSUE",
                couponId, issue.customerId()).withContentHash(Movement.contentHash(issue.customerId(),
                issue.couponType(), issue.faceValue(), issue.discountRate(), issue.services(), issue.validTime(),
                issue.expireTime()));
        return ledger.transaction(connection -> journal.claimed(connection, header,
                entryId -> Customer.requireRegistered(connection, issue.customerId())
                        .chain(() -> valued ? openAccount(connection, issue.customerId(), "COUPON", couponId)
                                : Uni.createFrom().nullItem())
                        .call(account -> connection.preparedQuery("""
                                        INSERT INTO coupon (coupon_id, customer_id, coupon_code, coupon_type, face_value,
                                            discount_rate, account_id, promotion_plan_id, plan_name, plan_desc,
                                            service_type_codes, min_order_amount, valid_time, expire_time, created_at)
                                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""")
                                .execute(Tuple.from(Arrays.asList(couponId, issue.customerId(), couponId.substring(2, 14),
                                        issue.couponType().shortValue(), Numeric.create(issue.faceValue()),
                                        issue.discountRate() == null ? null : Numeric.create(issue.discountRate()),
                                        account, issue.promotionPlanId(), issue.planName(), issue.planDesc(),
                                        issue.services().toArray(String[]::new), issue.minOrderAmount() == null ? null
                                                : Numeric.create(issue.minOrderAmount()), time(issue.validTime()),
                                        time(issue.expireTime()), journal.now()))))
                        .flatMap(account -> account == null ? noLines(entryId, header)
                                : journal.write(connection, entryId, header, List.of(
                                        new Movement.Leg(account, issue.faceValue()),
                                        new Movement.Leg(PROMOTION, issue.faceValue().negate()))))))
                .replaceWith(couponId);
    }

    public Uni<String> issueCard(CardIssue issue) {
        String cardId = "SVC" + Sha256.hex("card|" + issue.idempotencyKey()).substring(0, 21);
        EntryHeader header = EntryHeader.of("card-issue:" + issue.idempotencyKey(), TradeType.ADJUST, "CARD_ISSUE",
                cardId, issue.customerId()).withContentHash(Movement.contentHash(issue.customerId(), issue.cardName(),
                issue.faceValue(), issue.effectiveTime(), issue.expireTime()));
        return ledger.transaction(connection -> journal.claimed(connection, header,
                entryId -> Customer.requireRegistered(connection, issue.customerId())
                        .chain(() -> openAccount(connection, issue.customerId(), "CARD", cardId))
                        .call(account -> connection.preparedQuery("""
                                        INSERT INTO stored_value_card (card_id, customer_id, card_name, face_value,
                                            account_id, effective_time, expire_time, created_at)
                                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                                .execute(Tuple.from(Arrays.asList(cardId, issue.customerId(), issue.cardName(),
                                        Numeric.create(issue.faceValue()), account, time(issue.effectiveTime()),
                                        time(issue.expireTime()), journal.now()))))
                        .flatMap(account -> journal.write(connection, entryId, header, List.of(
                                new Movement.Leg(account, issue.faceValue()),
                                new Movement.Leg(CARD_SALES, issue.faceValue().negate()))))))
                .replaceWith(cardId);
    }

    /**
     * Moves {@code amount} of a coupon into a new coupon of another customer; the new coupon id. Only a coupon issued
     * to its holder can be given, not one it received; when the caller names the holder, another customer's coupon
     * is refused as if it did not exist.
     */
    public Uni<String> transfer(String couponId, CouponTransfer transfer) {
        String newId = "CP" + Sha256.hex("coupon-transfer|" + transfer.idempotencyKey())
                .substring(0, 22);
        return ledger.transaction(connection -> lockCoupon(connection, couponId, transfer.fromCustomerId())
                .flatMap(source -> {
                    if (source.getString("source_id") != null) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId
                                + " was received from another coupon: only an issued coupon can be transferred");
                    }
                    EntryHeader header = EntryHeader.of("coupon-transfer:" + transfer.idempotencyKey(),
                            TradeType.TRANS, "COUPON_TRANSFER", newId, source.getString("customer_id"))
                            .withContentHash(Movement.contentHash(couponId, transfer.toCustomerId(),
                                    transfer.amount()));
                    return journal.claimed(connection, header,
                            entryId -> split(connection, entryId, header, source, newId, transfer));
                })).replaceWith(newId);
    }

    private Uni<PostedEntry> split(SqlConnection connection, long entryId, EntryHeader header, Row source,
            String newId, CouponTransfer transfer) {
        String couponId = source.getString("coupon_id");
        String sourceAccount = source.getString("account_id");
        if (sourceAccount == null) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId
                    + " is a discount coupon: it has no value to transfer");
        }
        if (source.getOffsetDateTime("reclaimed_at") != null
                || !journal.now().isBefore(source.getOffsetDateTime("expire_time"))) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId + " is expired or reclaimed");
        }
        return Customer.requireRegistered(connection, transfer.toCustomerId())
                .chain(() -> journal.lock(connection, List.of(sourceAccount)))
                .invoke(accounts -> {
                    BigDecimal left = accounts.get(sourceAccount).balance();
                    if (left.compareTo(transfer.amount()) < 0) {
                        throw new BssException(BillingError.INSUFFICIENT_BALANCE, "Insufficient balance: coupon "
                                + couponId + " holds " + left.toPlainString());
                    }
                })
                .chain(() -> openAccount(connection, transfer.toCustomerId(), "COUPON", newId))
                .call(account -> connection.preparedQuery("""
                                INSERT INTO coupon (coupon_id, customer_id, coupon_code, coupon_type, face_value,
                                    account_id, promotion_plan_id, plan_name, plan_desc, service_type_codes,
                                    min_order_amount, valid_time, expire_time, source_id, created_at)
                                SELECT $1, $2, $3, coupon_type, $4, $5, promotion_plan_id, plan_name, plan_desc,
                                       service_type_codes, min_order_amount, valid_time, expire_time,
                                       coupon_id, $6
                                  FROM coupon WHERE coupon_id = $7""")
                        .execute(Tuple.from(Arrays.asList(newId, transfer.toCustomerId(), newId.substring(2, 14),
                                Numeric.create(transfer.amount()), account, journal.now(), couponId))))
                .flatMap(account -> journal.write(connection, entryId, header, List.of(
                        new Movement.Leg(sourceAccount, transfer.amount().negate()),
                        new Movement.Leg(account, transfer.amount()))));
    }

    /**
     * Takes back what is left of a transferred coupon into the coupon it came from. What the caller says of the
     * coupon (its holder, its source coupon and that coupon's customer) must hold, else nothing moves.
     */
    public Uni<ReclaimedCoupon> reclaim(String couponId, CouponReclaim reclaim) {
        return ledger.transaction(connection -> lockCoupon(connection, couponId, reclaim.customerId())
                .flatMap(coupon -> {
                    String sourceId = coupon.getString("source_id");
                    if (sourceId == null) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId
                                + " was not transferred from another coupon");
                    }
                    if (reclaim.sourceCouponId() != null && !reclaim.sourceCouponId().equals(sourceId)) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId
                                + " was not transferred from " + reclaim.sourceCouponId());
                    }
                    if (reclaim.sourceCustomerId() != null
                            && !reclaim.sourceCustomerId().equals(coupon.getString("source_customer_id"))) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId
                                + " was not transferred from a coupon of customer " + reclaim.sourceCustomerId());
                    }
                    EntryHeader header = EntryHeader.of("coupon-reclaim:" + reclaim.idempotencyKey(),
                            TradeType.BEUNBIND, "COUPON_RECLAIM", couponId, coupon.getString("customer_id"))
                            .withContentHash(Movement.contentHash(couponId));
                    return journal.claimed(connection, header, entryId -> takeBack(connection, entryId, header, coupon))
                            .map(posted -> new ReclaimedCoupon(couponId, sourceId, movedInto(posted, sourceId),
                                    posted.replayed(), posted.entryId()));
                }));
    }

    private Uni<PostedEntry> takeBack(SqlConnection connection, long entryId, EntryHeader header, Row coupon) {
        String couponId = coupon.getString("coupon_id");
        if (coupon.getOffsetDateTime("reclaimed_at") != null) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "Coupon " + couponId + " is already reclaimed");
        }
        return lockCoupon(connection, coupon.getString("source_id"), null)
                .chain(source -> journal.lock(connection, List.of(coupon.getString("account_id"),
                                source.getString("account_id")))
                        .flatMap(accounts -> {
                            BigDecimal left = accounts.get(coupon.getString("account_id")).balance();
                            Uni<PostedEntry> moved = left.signum() == 0 ? noLines(entryId, header)
                                    : journal.write(connection, entryId, header, List.of(
                                            new Movement.Leg(coupon.getString("account_id"), left.negate()),
                                            new Movement.Leg(source.getString("account_id"), left)));
                            return moved.call(() -> connection.preparedQuery(
                                            "UPDATE coupon SET reclaimed_at = $2 WHERE coupon_id = $1")
                                    .execute(Tuple.of(couponId, journal.now())));
                        }));
    }

    /** What a posting put into the coupon's account (its account is keyed by the coupon id). */
    private static BigDecimal movedInto(PostedEntry posted, String couponId) {
        return posted.lines().stream().filter(line -> couponId.equals(line.instrumentId()))
                .map(PostedEntry.Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /**
     * Locks a coupon, with the customer of the coupon it was split from. When {@code holderId} is given, a coupon
     * of another customer is answered as one that does not exist.
     */
    private Uni<Row> lockCoupon(SqlConnection connection, String couponId, String holderId) {
        return connection.preparedQuery("""
                        SELECT c.*, s.customer_id AS source_customer_id
                          FROM coupon c LEFT JOIN coupon s ON s.coupon_id = c.source_id
                         WHERE c.coupon_id = $1 FOR UPDATE OF c""")
                .execute(Tuple.of(couponId)).map(rows -> {
                    Row coupon = rows.size() == 0 ? null : rows.iterator().next();
                    if (coupon == null || holderId != null && !holderId.equals(coupon.getString("customer_id"))) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "No coupon " + couponId
                                + (holderId == null ? "" : " of customer " + holderId));
                    }
                    return coupon;
                });
    }

    private Uni<String> openAccount(SqlConnection connection, String customerId, String type, String instrumentId) {
        return connection.preparedQuery("""
                        INSERT INTO ledger_account (account_id, customer_id, account_type, instrument_id, balance,
                                                    created_at)
                        VALUES (md5($3), $1, $2, $3, 0, $4) RETURNING account_id""")
                .execute(Tuple.of(customerId, type, instrumentId, journal.now()))
                .map(rows -> rows.iterator().next().getString("account_id"));
    }

    private Uni<PostedEntry> noLines(long entryId, EntryHeader header) {
        return Uni.createFrom().item(PostedEntry.withoutLines(entryId, header, journal.now().toInstant()));
    }

    private static OffsetDateTime time(String wire) {
        return utc(BssTime.parseWire(wire));
    }
}
