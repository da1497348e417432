package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that every view of the same money tells the same story, as customers see it through the public API:
 * <ul>
 * <li>per customer and bill cycle: the monthly sum, the sum of the fee records and the sum of the resource records
 * (per line and per cycle) agree in every part (cash, credit, coupon, card, arrears), and ListCosts equals the
 * monthly sum of everything the customer sees;</li>
 * <li>the change records chain: each balance is the one before plus the change, the last is the balance shown,
 * and each record's bill cycle is the month of its trade time;</li>
 * <li>per trade, over all customers: the cash its fee records say was paid is what its change records moved, in
 * the same bill cycle;</li>
 * <li>every paid order has fee records of its bill type, in the bill cycle it was paid in, whose split equals its
 * amount information, and its line items show what paid each of its bill lines; a refund order has negative ones;
 * </li>
 * <li>every enterprise transfer shows under its trans_id on both sides, with opposite amounts.</li>
 * </ul>
 * Rounding rule: each bill line is paid to the cent (cash + credit + coupon + card + arrears); every sum is a sum of
 * those cents, so no view rounds a sum of unrounded amounts. Amounts compare exactly.
 */
public final class Reconciliation {

    /** One way in which two views disagree, with the ids that show it. */
    public record Difference(String customerId, String check, String detail) {

        @Override
        public String toString() {
            return customerId + " " + check + ": " + detail;
        }
    }

    /** Cash, credit, coupon, stored-value card and arrears, in yuan. */
    record Split(BigDecimal cash, BigDecimal credit, BigDecimal coupon, BigDecimal card, BigDecimal debt) {

        static final Split ZERO = new Split(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);

        static Split of(JsonNode node, String card) {
            return new Split(amount(node, "cash_amount"), amount(node, "credit_amount"),
                    amount(node, "coupon_amount"), amount(node, card), amount(node, "debt_amount"));
        }

        Split plus(Split other) {
            return new Split(cash.add(other.cash), credit.add(other.credit), coupon.add(other.coupon),
                    card.add(other.card), debt.add(other.debt));
        }

        BigDecimal total() {
            return cash.add(credit).add(coupon).add(card).add(debt);
        }

        boolean sameAs(Split other) {
            return cash.compareTo(other.cash) == 0 && credit.compareTo(other.credit) == 0
                    && coupon.compareTo(other.coupon) == 0 && card.compareTo(other.card) == 0
                    && debt.compareTo(other.debt) == 0;
        }

        @Override
        public String toString() {
            return "cash " + cash.toPlainString() + " credit " + credit.toPlainString() + " coupon "
                    + coupon.toPlainString() + " card " + card.toPlainString() + " arrears " + debt.toPlainString();
        }
    }

    private static final String FEES = "/v2/bills/customer-bills/fee-records";
    private static final String RESOURCES = "/v2/bills/customer-bills/res-fee-records";
    private static final String CHANGES = "/v2/accounts/customer-accounts/account-change-records";
    private static final Set<String> TRANSFER_TYPES = Set.of("BEADJUST", "BERETRIEVE");
    /** The fee records' bill types of an order type: a new purchase, a renewal (by hand or automatic), a refund. */
    private static final Map<Integer, Set<Integer>> BILL_TYPES = Map.of(1, Set.of(1), 2, Set.of(2, 8), 4, Set.of(4));

    private final List<Difference> differences = new ArrayList<>();
    /** Per trade id over all customers: what its fee records say each payer's cash paid, and in which cycles. */
    private final Map<String, BigDecimal> feeCash = new TreeMap<>();
    private final Map<String, Set<String>> feeCycles = new TreeMap<>();
    private final Map<String, Set<Integer>> feeBillTypes = new TreeMap<>();
    private final Map<String, BigDecimal> feeDiscounts = new TreeMap<>();
    /** Per trade: what paid each of its bill lines (resource records, one per line). */
    private final Map<String, List<Split>> lineSplits = new TreeMap<>();
    private final Map<String, BigDecimal> changedCash = new TreeMap<>();
    private final Map<String, Set<String>> changeCycles = new TreeMap<>();
    private final Map<String, List<String>> transfers = new TreeMap<>();
    private final Map<String, BigDecimal> transferSums = new TreeMap<>();
    private final Map<String, List<Split>> orderFees = new TreeMap<>();

    /** Reads everything one customer sees for the bill cycles {@code first} to {@code last}, and checks it. */
    public void customer(CustomerView view, YearMonth first, YearMonth last) {
        for (YearMonth cycle = first; !cycle.isAfter(last); cycle = cycle.plusMonths(1)) {
            cycle(view, cycle.toString());
        }
        changes(view);
        transfers(view);
        orders(view, first, last);
    }

    private void cycle(CustomerView view, String cycle) {
        String id = view.customerId();
        JsonNode sum = view.get("/v2/bills/customer-bills/monthly-sum", Map.of("bill_cycle", cycle,
                "method", "oneself", "limit", "1"));
        Split monthly = Split.of(sum, "stored_value_card_amount");
        check(id, "monthly sum = its consume amount", cycle,
                amount(sum, "consume_amount"), monthly.total());
        Split fees = Split.ZERO;
        for (JsonNode fee : view.all(FEES, Map.of("bill_cycle", cycle, "method", "oneself",
                "include_zero_record", "true"), "records", 1000)) {
            Split split = Split.of(fee, "stored_value_card_amount");
            fees = fees.plus(split);
            check(id, "fee record consume amount = its split", fee.path("id").asText(),
                    amount(fee, "consume_amount"), split.total());
            String trade = fee.path("trade_id").asText();
            feeCash.merge(trade, split.cash(), BigDecimal::add);
            feeCycles.computeIfAbsent(trade, k -> new TreeSet<>()).add(fee.path("bill_cycle").asText());
            feeBillTypes.computeIfAbsent(trade, k -> new TreeSet<>()).add(fee.path("bill_type").asInt());
            feeDiscounts.merge(trade, amount(fee, "official_discount_amount"), BigDecimal::add);
            orderFees.computeIfAbsent(trade, k -> new ArrayList<>()).add(split);
        }
        agree(id, "monthly sum = fee records", cycle, monthly, fees);
        agree(id, "monthly sum = resource records per line", cycle, monthly, resourceRecords(view, cycle, "3", true));
        agree(id, "monthly sum = resource records per cycle", cycle, monthly,
                resourceRecords(view, cycle, "1", false));
        JsonNode everything = view.get("/v2/bills/customer-bills/monthly-sum", Map.of("bill_cycle", cycle,
                "limit", "1"));
        JsonNode costs = view.post("/v4/costs/cost-analysed-bills/query", Map.of("time_condition",
                Map.of("time_measure_id", 2, "begin_time", cycle, "end_time", cycle), "cost_type", "ORIGINAL_COST",
                "amount_type", "PAYMENT_AMOUNT", "limit", 1000));
        BigDecimal cost = BigDecimal.ZERO;
        for (JsonNode data : costs.path("cost_data")) {
            cost = cost.add(amount(data, "amount_by_costs"));
        }
        check(id, "ListCosts = monthly sum", cycle, cost, amount(everything, "consume_amount"));
    }

    /**
     * The sum of the resource records of a cycle: one per bill line (statistic type 3), kept per trade when
     * {@code perLine}, or one per resource and cycle (1).
     */
    private Split resourceRecords(CustomerView view, String cycle, String statisticType, boolean perLine) {
        Split sum = Split.ZERO;
        for (JsonNode line : view.all(RESOURCES, Map.of("cycle", cycle, "method", "oneself",
                "include_zero_record", "true", "statistic_type", statisticType), "fee_records", 1000)) {
            Split split = Split.of(line, "stored_card_amount");
            sum = sum.plus(split);
            if (perLine) {
                lineSplits.computeIfAbsent(line.path("trade_id").asText(), k -> new ArrayList<>()).add(split);
            }
        }
        return sum;
    }

    private void changes(CustomerView view) {
        String id = view.customerId();
        List<JsonNode> records = new ArrayList<>(view.all(CHANGES, window("BALANCE_TYPE_DEBIT", null),
                "records", 100));
        // the API lists the newest first; the chain runs from the oldest
        records.sort((a, b) -> Long.compare(a.path("account_change_id").asLong(),
                b.path("account_change_id").asLong()));
        BigDecimal previous = null;
        for (JsonNode record : records) {
            String change = record.path("account_change_id").asText();
            BigDecimal amount = amount(record, "change_amount");
            BigDecimal signed = "EXPENSE".equals(record.path("revenue_expense_type").asText()) ? amount.negate()
                    : amount;
            BigDecimal after = amount(record, "balance_after_change");
            if (previous != null) {
                check(id, "change record balance = previous balance + change", change, after, previous.add(signed));
            }
            previous = after;
            Instant time = BssTime.parseWire(record.path("trade_time").asText());
            String month = BssTime.businessDate(time).toString().substring(0, 7);
            if (!month.equals(record.path("bill_cycle").asText())) {
                differ(id, "change record bill cycle = month of its trade time", change + " trade "
                        + record.path("trade_id").asText() + ": " + record.path("bill_cycle").asText() + " vs "
                        + month);
            }
            String trade = record.path("trade_id").asText();
            changedCash.merge(trade, signed, BigDecimal::add);
            changeCycles.computeIfAbsent(trade, k -> new TreeSet<>()).add(month);
        }
        BigDecimal balance = BigDecimal.ZERO;
        for (JsonNode account : view.get("/v2/accounts/customer-accounts/balances", Map.of())
                .path("account_balances")) {
            if (account.path("account_type").asInt() == 1) {
                balance = amount(account, "amount");
            }
        }
        if (previous != null) {
            check(id, "last change record balance = cash balance", "account_balances", previous, balance);
        } else if (balance.signum() != 0) {
            differ(id, "cash balance has change records", "balance " + balance.toPlainString() + " with none");
        }
    }

    private void transfers(CustomerView view) {
        for (String type : TRANSFER_TYPES) {
            for (JsonNode record : view.all(CHANGES, window("BALANCE_TYPE_DEBIT", type),
                    "records", 100)) {
                String trade = record.path("trade_id").asText();
                BigDecimal amount = amount(record, "change_amount");
                transfers.computeIfAbsent(trade, k -> new ArrayList<>()).add(view.customerId());
                transferSums.merge(trade, "EXPENSE".equals(record.path("revenue_expense_type").asText())
                        ? amount.negate() : amount, BigDecimal::add);
            }
        }
    }

    private void orders(CustomerView view, YearMonth first, YearMonth last) {
        String id = view.customerId();
        for (JsonNode order : view.all("/v2/orders/customer-orders", Map.of(), "order_infos", 100)) {
            String orderId = order.path("order_id").asText();
            if (order.path("payment_time").asText("").isEmpty() || order.path("status").asInt() != 5) {
                continue;
            }
            YearMonth paidIn = YearMonth.from(BssTime.businessDate(BssTime.parseWire(
                    order.path("payment_time").asText())));
            if (paidIn.isBefore(first) || paidIn.isAfter(last)) {
                continue;
            }
            JsonNode info = view.get("/v2/orders/customer-orders/details/" + orderId, Map.of()).path("order_info");
            JsonNode paid = info.path("amount_info");
            BigDecimal amount = amount(info, "amount_after_discount").setScale(2, RoundingMode.HALF_UP);
            boolean refund = info.path("order_type").asInt() == 4;
            List<Split> fees = orderFees.get(orderId);
            if (fees == null) {
                if (amount.signum() != 0) {
                    differ(id, "paid order has fee records", orderId + " (order type "
                            + info.path("order_type").asInt() + ", amount " + amount.toPlainString() + ") has none");
                }
                continue;
            }
            if (!Set.of(paidIn.toString()).equals(feeCycles.get(orderId))) {
                differ(id, "order's fee records are in the cycle it was paid in", orderId + " paid in " + paidIn
                        + ", billed in " + feeCycles.get(orderId));
            }
            Set<Integer> billTypes = BILL_TYPES.get(info.path("order_type").asInt());
            if (billTypes != null && !billTypes.containsAll(feeBillTypes.get(orderId))) {
                differ(id, "order's fee records have its bill type", orderId + " (order type "
                        + info.path("order_type").asInt() + ") billed as " + feeBillTypes.get(orderId));
            }
            Split billed = fees.stream().reduce(Split.ZERO, Split::plus);
            check(id, "order amount = its fee records", orderId, refund ? amount.negate() : amount, billed.total());
            BigDecimal coupons = amount(paid, "coupon_amount").add(amount(paid, "flexipurchase_coupon_amount"));
            check(id, "order coupon amount = its fee records' coupon", orderId,
                    refund ? coupons.negate() : coupons, billed.coupon());
            BigDecimal discounts = BigDecimal.ZERO;
            for (JsonNode discount : paid.path("discounts")) {
                discounts = discounts.add(amount(discount, "discount_amount"));
            }
            check(id, "order discounts = its fee records' discounts", orderId, refund ? discounts.negate() : discounts,
                    feeDiscounts.get(orderId).setScale(2, RoundingMode.HALF_UP));
            lineItems(view, id, orderId, refund);
            BigDecimal card = amount(paid, "stored_card_amount");
            check(id, "order card amount = its fee records' card", orderId, refund ? card.negate() : card,
                    billed.card());
        }
    }

    /**
     * The order's line items show what paid each of its bill lines: the same (coupon, card, rest) triples, whichever
     * line is which (a line item names no resource).
     */
    private void lineItems(CustomerView view, String id, String orderId, boolean refund) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : view.get("/v2/orders/customer-orders/details/" + orderId, Map.of("limit", "100"))
                .path("order_line_items")) {
            JsonNode paid = item.path("amount_info");
            BigDecimal sign = refund ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            items.add(triple(amount(paid, "coupon_amount").multiply(sign),
                    amount(paid, "stored_card_amount").multiply(sign), amount(paid, "consumed_amount").multiply(sign)));
        }
        List<String> lines = new ArrayList<>();
        for (Split split : lineSplits.getOrDefault(orderId, List.of())) {
            lines.add(triple(split.coupon(), split.card(), split.cash().add(split.credit()).add(split.debt())));
        }
        items.sort(null);
        lines.sort(null);
        if (!items.equals(lines)) {
            differ(id, "order line items = its bill lines", orderId + ": (coupon/card/rest) " + items + " vs "
                    + lines);
        }
    }

    private static String triple(BigDecimal coupon, BigDecimal card, BigDecimal rest) {
        return coupon.setScale(2).toPlainString() + "/" + card.setScale(2).toPlainString() + "/"
                + rest.setScale(2).toPlainString();
    }

    /** Checks what only all customers together show, and returns every difference found. */
    public List<Difference> finish() {
        feeCash.forEach((trade, cash) -> {
            BigDecimal moved = changedCash.get(trade);
            if (moved == null ? cash.signum() != 0 : moved.compareTo(cash.negate()) != 0) {
                differ("-", "fee records' cash = change records", "trade " + trade + ": fee records "
                        + cash.toPlainString() + ", change records "
                        + (moved == null ? "none" : moved.toPlainString()));
            }
            Set<String> cycles = changeCycles.get(trade);
            if (cycles != null && !cycles.equals(feeCycles.get(trade))) {
                differ("-", "fee records' bill cycle = change records'", "trade " + trade + ": fee records "
                        + feeCycles.get(trade) + ", change records " + cycles);
            }
        });
        transfers.forEach((trade, sides) -> {
            if (sides.size() != 2 || sides.get(0).equals(sides.get(1))
                    || transferSums.get(trade).signum() != 0) {
                differ(String.join(",", sides), "transfer shows on both sides", "trans_id " + trade + ": "
                        + sides.size() + " records summing to " + transferSums.get(trade).toPlainString());
            }
        });
        return List.copyOf(differences);
    }

    private static Map<String, String> window(String balance, String type) {
        // all of them: the chain has no gap (a movement's trade time may precede the first cycle checked, an hour of
        // usage rated later), and the last record must chain to today's balance even if the clock was ahead once
        Map<String, String> query = new TreeMap<>(Map.of("balance_type", balance,
                "trade_time_begin", "1970-01-01", "trade_time_end", "9999-12-31"));
        if (type != null) {
            query.put("trade_type", type);
        }
        return query;
    }

    private void agree(String customer, String check, String cycle, Split expected, Split actual) {
        if (!expected.sameAs(actual)) {
            differ(customer, check, "cycle " + cycle + ": " + expected + " vs " + actual);
        }
    }

    private void check(String customer, String check, String ids, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            differ(customer, check, ids + ": " + expected.toPlainString() + " vs " + actual.toPlainString());
        }
    }

    private void differ(String customer, String check, String detail) {
        differences.add(new Difference(customer, check, detail));
    }

    private static BigDecimal amount(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? BigDecimal.ZERO
                : new BigDecimal(value.asText());
    }
}
