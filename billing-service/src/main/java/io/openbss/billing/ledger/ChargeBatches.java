package io.openbss.billing.ledger;

import io.openbss.billing.bills.BillLineWriter;
import io.openbss.billing.ledger.ChargeService.Decided;
import io.openbss.billing.ledger.ChargeService.Payable;
import io.openbss.billing.ledger.ChargeService.PayingAccounts;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Posts charges that arrive together in one transaction (group commit). While {@link #IN_FLIGHT} postings are under
 * way, charges wait; the next posting takes up to {@link #MOST} of them. A posting of several has one statement per
 * kind of row for all of them (their entries, the locks of what pays them, their journal lines, their bill lines)
 * and one commit, where each charge alone has its own of each.
 *
 * <p>Each charge is decided exactly as on its own ({@link ChargeService#decide}), in arrival order, on the balances
 * the charges before it left. What a posting of several cannot decide the same way goes on its own afterwards
 * ({@link ChargeService#charge}, which decides every case): a charge with coupons (they are checked and locked one
 * by one), with many lines, a key repeated in the posting or already taken (a replay, or a concurrent repetition),
 * and every charge of a posting in which one is refused (insufficient balance, an unknown payer) or that fails:
 * that posting is rolled back whole, so that a refused charge's key stays free. A charge waits at most for the
 * postings before it; alone, it is posted at once.
 */
@ApplicationScoped
public class ChargeBatches {

    /** Postings under way at once: one in the database while the next one's requests arrive and are read. */
    static final int IN_FLIGHT = 2;
    /** Charges in one posting. */
    static final int MOST = 32;
    /** Lines of a charge that still goes with others (a bill line has 36 parameters). */
    static final int MOST_LINES = 16;

    @Inject
    Pool pool;

    @Inject
    ChargeService charges;

    @Inject
    Journal journal;

    @Inject
    BillLineWriter bills;

    private record Waiting(ChargeRequest request, UniEmitter<? super ChargeResult> answer) {
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int inFlight;

    /** Posts the charge, with others that arrive while earlier ones are being posted. */
    public Uni<ChargeResult> charge(ChargeRequest request) {
        if (!request.couponIds().isEmpty() || request.lines().size() > MOST_LINES) {
            return charges.charge(request);
        }
        return Uni.createFrom().emitter(answer -> {
            synchronized (this) {
                waiting.add(new Waiting(request, answer));
            }
            next();
        });
    }

    private void next() {
        List<Waiting> posting = new ArrayList<>();
        synchronized (this) {
            if (inFlight == IN_FLIGHT || waiting.isEmpty()) {
                return;
            }
            inFlight++;
            while (posting.size() < MOST && !waiting.isEmpty()) {
                posting.add(waiting.poll());
            }
        }
        post(posting).subscribe().with(done -> finished(), failure -> finished());
    }

    private void finished() {
        synchronized (this) {
            inFlight--;
        }
        next();
    }

    /** Posts them together, then each that was not posted on its own; answers each. */
    private Uni<Void> post(List<Waiting> posting) {
        Uni<Map<Integer, ChargeResult>> together = posting.size() == 1 ? Uni.createFrom().item(Map.of())
                : pool.withTransaction(connection -> together(connection,
                        posting.stream().map(Waiting::request).toList()))
                        .onFailure().recoverWithItem(Map.of());
        return together.flatMap(posted -> {
            List<Uni<Void>> alone = new ArrayList<>();
            for (int i = 0; i < posting.size(); i++) {
                Waiting w = posting.get(i);
                ChargeResult result = posted.get(i);
                if (result != null) {
                    w.answer().complete(result);
                } else {
                    alone.add(charges.charge(w.request())
                            .onItemOrFailure().invoke((item, failure) -> {
                                if (failure == null) {
                                    w.answer().complete(item);
                                } else {
                                    w.answer().fail(failure);
                                }
                            })
                            .replaceWithVoid().onFailure().recoverWithNull());
                }
            }
            return alone.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(alone).andCollectFailures().replaceWithVoid();
        });
    }

    /** What the transaction posts together, by the charge's index; the rest go alone. Fails when one is refused. */
    Uni<Map<Integer, ChargeResult>> together(SqlConnection connection, List<ChargeRequest> requests) {
        Map<Integer, EntryHeader> headers = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            EntryHeader header = ChargeService.header(requests.get(i));
            if (keys.add(header.idempotencyKey())) {
                headers.put(i, header);
            }
        }
        return journal.open(connection, List.copyOf(headers.values()))
                .flatMap(opened -> {
                    headers.values().removeIf(header -> !opened.containsKey(header.idempotencyKey()));
                    if (headers.isEmpty()) {
                        return Uni.createFrom().item(Map.<Integer, ChargeResult>of());
                    }
                    List<ChargeRequest> claimed = headers.keySet().stream().map(requests::get).toList();
                    return lock(connection, claimed).flatMap(payables -> write(connection, requests, headers,
                            opened, payables));
                });
    }

    /** Decides each claimed charge in order on the balances the ones before it left, and writes them all. */
    private Uni<Map<Integer, ChargeResult>> write(SqlConnection connection, List<ChargeRequest> requests,
            Map<Integer, EntryHeader> headers, Map<String, Long> opened, Map<String, Payable> payables) {
        List<Journal.Opened> entries = new ArrayList<>();
        Map<Long, PostedEntry> withoutLines = new HashMap<>();
        List<BillLineWriter.TradeLines> billLines = new ArrayList<>();
        Map<Integer, Decided> decisions = new LinkedHashMap<>();
        for (Map.Entry<Integer, EntryHeader> claimed : headers.entrySet()) {
            ChargeRequest request = requests.get(claimed.getKey());
            EntryHeader header = claimed.getValue();
            long entryId = opened.get(header.idempotencyKey());
            Decided decided = ChargeService.decide(request, List.of(), PayingAccounts.of(payables.values().stream()
                    .filter(p -> request.payer().equals(p.account().customerId()))
                    .filter(p -> p.cardExpireTime() == null || request.cardsPay())
                    .toList()));
            for (Movement.Leg leg : decided.legs()) {
                payables.computeIfPresent(leg.accountId(), (id, payable) -> payable.withBalance(
                        payable.account().balance().add(leg.amount())));
            }
            decisions.put(claimed.getKey(), decided);
            OffsetDateTime businessTime = journal.businessTime(header);
            if (decided.legs().isEmpty()) {
                withoutLines.put(entryId, PostedEntry.withoutLines(entryId, header, businessTime.toInstant()));
            } else {
                entries.add(new Journal.Opened(entryId, header, decided.legs()));
            }
            billLines.add(new BillLineWriter.TradeLines(ChargeService.trade(request, entryId, businessTime),
                    decided.lines(), decided.payments()));
        }
        Uni<List<PostedEntry>> written = entries.isEmpty() ? Uni.createFrom().item(List.of())
                : journal.write(connection, entries);
        return written.call(() -> bills.write(connection, billLines)).map(posted -> {
            Map<Long, PostedEntry> byId = new HashMap<>(withoutLines);
            posted.forEach(entry -> byId.put(entry.entryId(), entry));
            Map<Integer, ChargeResult> results = new HashMap<>();
            decisions.forEach((index, decided) -> results.put(index, ChargeResult.of(
                    byId.get(opened.get(headers.get(index).idempotencyKey())), false, decided.payments())));
            return results;
        });
    }

    /** What may pay the charges, locked in one statement in account order, by account. */
    private Uni<Map<String, Payable>> lock(SqlConnection connection, List<ChargeRequest> claimed) {
        String[] payers = claimed.stream().map(ChargeRequest::payer).distinct().toArray(String[]::new);
        String[] cardPayers = claimed.stream().filter(ChargeRequest::cardsPay).map(ChargeRequest::payer).distinct()
                .toArray(String[]::new);
        OffsetDateTime now = journal.now();
        return connection.preparedQuery("SELECT " + ChargeService.PAYABLE_COLUMNS + """

                          FROM ledger_account a
                         WHERE a.account_id = ANY(
                                ARRAY(SELECT account_id FROM ledger_account
                                       WHERE customer_id = ANY($1) AND customer_id IS NOT NULL
                                         AND instrument_id IS NULL)
                                || ARRAY(SELECT account_id FROM stored_value_card
                                          WHERE customer_id = ANY($2) AND effective_time <= $3 AND expire_time > $3))
                         ORDER BY a.account_id FOR UPDATE""")
                .execute(Tuple.of(payers, cardPayers, now))
                .map(rows -> {
                    Map<String, Payable> payables = new HashMap<>();
                    rows.forEach(row -> payables.put(row.getString("account_id"), Payable.of(row)));
                    return payables;
                });
    }
}
