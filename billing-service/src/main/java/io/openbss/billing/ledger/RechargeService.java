package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recharges a customer's cash. Arrears are repaid first, in the same movement, and the bill lines that ran into
 * arrears are settled oldest first.
 */
@ApplicationScoped
public class RechargeService {

    static final String FUNDING = "SYSTEM-FUNDING";

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    public Uni<PostedEntry> recharge(RechargeRequest request) {
        EntryHeader header = new EntryHeader("recharge:" + request.idempotencyKey(),
                Movement.contentHash(request.customerId(), request.amount(), request.channel()), TradeType.RECHARGE,
                "RECHARGE", request.idempotencyKey(), request.customerId(), null, request.channel(),
                request.paymentChannelNo(), request.remark(), null, null);
        return ledger.transaction(connection -> journal.claimed(connection, header,
                entryId -> journal.lockCustomer(connection, request.customerId()).flatMap(accounts -> {
                    Journal.LockedAccount cash = accounts.get("CASH");
                    Journal.LockedAccount debt = accounts.get("DEBT");
                    if (cash == null || debt == null) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "Customer " + request.customerId() + " is not registered with billing");
                    }
                    BigDecimal repaid = request.amount().min(debt.balance().negate());
                    List<Movement.Leg> legs = new ArrayList<>();
                    legs.add(new Movement.Leg(FUNDING, request.amount().negate()));
                    if (repaid.signum() > 0) {
                        legs.add(new Movement.Leg(debt.accountId(), repaid));
                    }
                    if (request.amount().compareTo(repaid) > 0) {
                        legs.add(new Movement.Leg(cash.accountId(), request.amount().subtract(repaid)));
                    }
                    return journal.write(connection, entryId, header, legs)
                            .call(() -> settleArrears(connection, request.customerId(), repaid));
                })));
    }

    /** Marks the oldest unsettled bill lines of a payer as repaid, up to {@code repaid}. */
    static Uni<Void> settleArrears(SqlConnection connection, String payerId, BigDecimal repaid) {
        if (repaid.signum() <= 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        WITH owed AS (
                            SELECT line_id, debt_outstanding,
                                   sum(debt_outstanding) OVER (ORDER BY line_id) AS running
                              FROM bill_line WHERE payer_customer_id = $1 AND debt_outstanding > 0)
                        UPDATE bill_line b
                           SET debt_outstanding = greatest(0, least(o.debt_outstanding, o.running - $2))
                          FROM owed o
                         WHERE b.line_id = o.line_id AND o.running - o.debt_outstanding < $2""")
                .execute(Tuple.of(payerId, Numeric.create(repaid))).replaceWithVoid();
    }
}
