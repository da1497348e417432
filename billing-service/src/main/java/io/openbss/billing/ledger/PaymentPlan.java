package io.openbss.billing.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Decides what pays each line of a charge, in the documented order: the sources are tried in the order given
 * (cash coupons, stored-value cards, cash, credit, arrears), each paying the lines it may pay as far as its
 * available amount goes. Pure arithmetic in cents; the ledger then posts what the plan says.
 */
public final class PaymentPlan {

    /** Something that can pay: an account, how much it holds, and which services it may pay for. */
    public record Source(String accountId, AccountRole role, String instrumentId, long available,
            Predicate<String> pays) {
    }

    /** The role of a paying account, which decides the bill line column it fills. */
    public enum AccountRole {
        COUPON, CARD, CASH, CREDIT, DEBT
    }

    private final long[] dues;
    private final long[][] paid;
    private final long[] taken;
    private final List<Source> sources;

    private PaymentPlan(long[] dues, List<Source> sources) {
        this.dues = dues;
        this.sources = List.copyOf(sources);
        this.paid = new long[dues.length][AccountRole.values().length];
        this.taken = new long[sources.size()];
    }

    /**
     * @param dues what each line must pay, in cents (>= 0)
     * @param services the service type of each line, which coupons may be limited to
     */
    public static PaymentPlan of(long[] dues, List<String> services, List<Source> sources) {
        PaymentPlan plan = new PaymentPlan(dues.clone(), sources);
        long[] remaining = dues.clone();
        for (int s = 0; s < sources.size(); s++) {
            Source source = sources.get(s);
            long left = source.available();
            for (int line = 0; line < remaining.length && left > 0; line++) {
                if (remaining[line] == 0 || !source.pays().test(services.get(line))) {
                    continue;
                }
                long take = Math.min(left, remaining[line]);
                remaining[line] -= take;
                left -= take;
                plan.paid[line][source.role().ordinal()] += take;
                plan.taken[s] += take;
            }
        }
        return plan;
    }

    /** What nothing could pay, in cents. */
    public long unpaid() {
        long unpaid = 0;
        for (int line = 0; line < dues.length; line++) {
            unpaid += dues[line] - paidBy(line);
        }
        return unpaid;
    }

    public long paid(int line, AccountRole role) {
        return paid[line][role.ordinal()];
    }

    public long total(AccountRole role) {
        long total = 0;
        for (long[] line : paid) {
            total += line[role.ordinal()];
        }
        return total;
    }

    /** The sources that paid something, with what each paid. */
    public List<Taken> takings() {
        List<Taken> takings = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            if (taken[s] > 0) {
                takings.add(new Taken(sources.get(s), taken[s]));
            }
        }
        return takings;
    }

    public record Taken(Source source, long cents) {
    }

    private long paidBy(int line) {
        long sum = 0;
        for (long cents : paid[line]) {
            sum += cents;
        }
        return sum;
    }
}
