package io.openbss.billing.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * The ledger's meters: the movements committed and the amount they moved, by kind (the entry's detail type:
 * RECHARGE, DEDUCT_ORDER, REFUND_UNSUBSCRIBE, TRANSFER_ALLOCATE, COUPON_ISSUE, ...), and the ledger work refused, by
 * error code. A movement counts when its transaction commits: one rolled back does not, nor does the replay of an
 * idempotency key, which writes no lines.
 */
@ApplicationScoped
public class LedgerMeters {

    static final String ENTRIES = "bss.billing.ledger.entries";
    static final String AMOUNT = "bss.billing.ledger.amount";
    static final String REFUSALS = "bss.billing.ledger.refusals";

    private final MeterRegistry registry;

    @Inject
    public LedgerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts an entry just written once the transaction it was written in commits (at once outside one). */
    void countWhenCommitted(SqlClient client, EntryHeader header, PostedEntry entry) {
        String kind = header.detailType() != null ? header.detailType() : header.tradeType().name();
        BigDecimal moved = entry.lines().stream().map(PostedEntry.Line::amount).filter(amount -> amount.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Transaction transaction = client instanceof SqlConnection connection
                ? connection.getDelegate().transaction() : null;
        if (transaction == null) {
            count(kind, moved);
        } else {
            transaction.completion().onSuccess(committed -> count(kind, moved));
        }
    }

    void refused(String code) {
        Counter.builder(REFUSALS).description("Ledger movements refused, by error code").tag("code", code)
                .register(registry).increment();
    }

    private void count(String kind, BigDecimal moved) {
        Counter.builder(ENTRIES).description("Ledger movements committed, by kind").tag("kind", kind)
                .register(registry).increment();
        Counter.builder(AMOUNT)
                .description("Money moved by committed ledger movements (the sum of their positive lines), by kind")
                .tag("kind", kind).register(registry).increment(moved.doubleValue());
    }
}
