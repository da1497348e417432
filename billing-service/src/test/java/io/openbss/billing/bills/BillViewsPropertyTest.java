package io.openbss.billing.bills;

import static io.openbss.billing.bills.BillViews.amount;
import static io.openbss.billing.bills.BillViews.key;
import static io.openbss.billing.bills.BillViews.rows;
import static io.openbss.billing.bills.BillViews.sorted;
import static io.openbss.billing.bills.PaymentModel.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.LedgerProbe;
import io.openbss.billing.bills.PaymentModel.Part;
import io.openbss.common.time.BssTime;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * For random histories of two customers over three billing cycles (purchases of yearly and monthly resources paid
 * by coupons, cards, cash and credit; hourly usage rated late, paid by cards, cash, credit and arrears; refunds;
 * replays), every view of the money shows what an independent model of the history says was billed and paid, per
 * line, per resource, per cycle and per payment part, to the cent: the monthly sum, the fee records, the resource
 * records of both APIs in every grain, the legacy resource records, the cost analysis (original, amortised, net) and
 * the monthly breakdown, whose amortised shares add up to what each line cost and what paid it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class BillViewsPropertyTest {

    static final int TRIES = 15;
    static final Map<Part, String> FEE_PARTS = Map.of(Part.CASH, "cash_amount", Part.CREDIT, "credit_amount",
            Part.COUPON, "coupon_amount", Part.CARD, "stored_value_card_amount", Part.DEBT, "debt_amount");
    static final Map<Part, String> RESOURCE_PARTS = Map.of(Part.CASH, "cash_amount", Part.CREDIT, "credit_amount",
            Part.COUPON, "coupon_amount", Part.CARD, "stored_card_amount", Part.DEBT, "debt_amount");

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @Test
    void everyBillViewShowsWhatTheHistoryBilledAndWhatPaidItInEachPart() {
        YearMonth current = YearMonth.from(BssTime.businessDate(Instant.now()));
        List<YearMonth> cycles = List.of(current.minusMonths(2), current.minusMonths(1), current);
        Instant start = BssTime.startOf(cycles.getFirst().atDay(1));
        long window = Duration.between(start, Instant.now().minus(2, ChronoUnit.HOURS)).toMinutes();
        Map<String, Integer> seen = new TreeMap<>();
        SampledProperty.check("bills.views", TRIES, BillHistory.of(2, window), history -> {
            HistoryPlayer played = HistoryPlayer.play(history, clock, start);
            // the second customer's history runs alongside: a row of it in the first's views would break them
            String customer = played.customers().getFirst();
            List<BilledLine> lines = played.lines(customer);
            tally(seen, lines);
            seen.merge("refused purchases", played.refused(), Integer::sum);
            for (YearMonth cycle : cycles) {
                List<BilledLine> billed = lines.stream().filter(l -> l.cycle().equals(cycle)).toList();
                monthlySumTotalsAndGroupsSumWhatPaid(customer, cycle, billed);
                JsonPath fees = BillViews.get(customer, BillViews.FEE_RECORDS, Map.of("bill_cycle", cycle.toString(),
                        "limit", "1000"));
                feeRecordsAreTheLinesWithWhatPaidEach(fees, customer, cycle, billed);
                resourceRecordsShowEachLineAndEachResource(fees, customer, cycle, billed);
                resourceDetailsShowEachLineDayAndResource(customer, cycle, billed);
                legacyRecordsShowEachResourceByPayMethod(customer, cycle, billed);
            }
            costsShowWhatPaidPerResourceAndMonth(customer, cycles, lines);
            breakdownSharesAreThoseOfTheModelAndAddUp(customer, cycles, lines);
            new LedgerProbe(pool).assertInvariants();
        });
        System.out.println("bills.views lines checked: " + seen);
    }

    /** Counts what the checked lines covered, to show what the tries exercised. */
    private static void tally(Map<String, Integer> seen, List<BilledLine> lines) {
        for (BilledLine line : lines) {
            seen.merge(line.billType() == 5 ? "usage" : line.billType() == 4 ? "refund" : "purchase", 1, Integer::sum);
            for (Part part : Part.values()) {
                if (line.paid(part) != 0) {
                    seen.merge(part.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
            if (line.billType() == 5 && !line.cycle().equals(YearMonth.from(BssTime.businessDate(Instant.now())))) {
                seen.merge("usage of an earlier month", 1, Integer::sum);
            }
        }
    }

    private void monthlySumTotalsAndGroupsSumWhatPaid(String customer, YearMonth cycle, List<BilledLine> lines) {
        JsonPath sum = BillViews.get(customer, BillViews.MONTHLY_SUM, Map.of("bill_cycle", cycle.toString(),
                "limit", "1000"));
        String what = "monthly sum of " + customer + " in " + cycle + " for " + lines;
        assertThat(amount(sum, "consume_amount")).as(what).isEqualByComparingTo(yuan(sum(lines,
                BilledLine::paidTotal)));
        FEE_PARTS.forEach((part, field) -> assertThat(amount(sum, field)).as(what + ": " + field)
                .isEqualByComparingTo(yuan(sum(lines, l -> l.paid(part)))));
        assertThat(amount(sum, "writeoff_amount")).as(what).isZero();
        String[] fields = {"service_type_code", "resource_type_code", "charging_mode", "bill_type",
            "official_amount", "official_discount_amount", "consume_amount", "truncated_amount", "cash_amount",
            "credit_amount", "coupon_amount", "stored_value_card_amount", "debt_amount"};
        List<String> expected = new ArrayList<>();
        groups(lines, l -> l.service() + l.resourceType() + l.chargingMode() + category(l)).forEach(group -> {
            BilledLine first = group.getFirst();
            Map<String, Object> row = feeParts(group, FEE_PARTS);
            row.put("service_type_code", first.service());
            row.put("resource_type_code", first.resourceType());
            row.put("charging_mode", first.chargingMode());
            row.put("bill_type", category(first));
            row.put("official_amount", total(group, BilledLine::official));
            row.put("official_discount_amount", total(group, BilledLine::discount));
            row.put("consume_amount", yuan(sum(group, BilledLine::paidTotal)));
            row.put("truncated_amount", total(group, BilledLine::amount).subtract(yuan(sum(group,
                    BilledLine::paidTotal))));
            expected.add(key(row, fields));
        });
        assertThat(sorted(rows(sum, "bill_sums").stream().map(r -> key(r, fields)).toList())).as(what)
                .isEqualTo(sorted(expected));
        assertThat(sum.getLong("total_count")).as(what).isEqualTo(expected.size());
    }

    private void feeRecordsAreTheLinesWithWhatPaidEach(JsonPath fees, String customer, YearMonth cycle,
            List<BilledLine> lines) {
        String what = "fee records of " + customer + " in " + cycle + " for " + lines;
        String[] fields = {"day", "service_type_code", "resource_type_code", "charging_mode", "bill_type", "status",
            "official_amount", "official_discount_amount", "consume_amount", "erase_amount", "cash_amount",
            "credit_amount", "coupon_amount", "stored_value_card_amount", "debt_amount", "writeoff_amount"};
        List<String> expected = lines.stream().map(l -> {
            Map<String, Object> row = feeParts(List.of(l), FEE_PARTS);
            row.put("day", l.billDate());
            row.put("service_type_code", l.service());
            row.put("resource_type_code", l.resourceType());
            row.put("charging_mode", l.chargingMode());
            row.put("bill_type", l.billType());
            row.put("status", l.paid(Part.DEBT) > 0 ? 2 : 1);
            row.put("official_amount", l.official());
            row.put("official_discount_amount", l.discount());
            row.put("consume_amount", yuan(l.paidTotal()));
            row.put("erase_amount", l.amount().subtract(yuan(l.paidTotal())));
            row.put("writeoff_amount", BigDecimal.ZERO);
            return key(row, fields);
        }).toList();
        List<Map<String, Object>> records = rows(fees, "records");
        assertThat(sorted(records.stream().map(r -> key(withDay(r, "trade_time"), fields)).toList())).as(what)
                .isEqualTo(sorted(expected));
        assertThat(fees.getLong("total_count")).as(what).isEqualTo(lines.size());
        List<String> times = records.stream().map(r -> (String) r.get("trade_time")).toList();
        assertThat(times).as("newest first: " + what).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(sorted(records.stream().filter(r -> !text(r.get("bill_type")).equals("5"))
                .map(r -> (String) r.get("trade_id")).toList())).as("trades of " + what)
                .isEqualTo(sorted(lines.stream().filter(l -> l.billType() != 5).map(BilledLine::tradeId).toList()));
    }

    private void resourceRecordsShowEachLineAndEachResource(JsonPath fees, String customer, YearMonth cycle,
            List<BilledLine> lines) {
        String what = "resource records of " + customer + " in " + cycle + " for " + lines;
        String[] fields = {"bill_date", "resource_id", "cloud_service_type", "resource_type", "bill_type",
            "charge_mode", "period_type", "usage_type", "usage", "official_amount", "discount_amount", "amount",
            "cash_amount", "credit_amount", "coupon_amount", "stored_card_amount", "debt_amount", "effective_time",
            "expire_time"};
        JsonPath detail = BillViews.get(customer, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(),
                "limit", "1000"));
        assertThat(sorted(rows(detail, "fee_records").stream().map(r -> key(r, fields)).toList())).as(what)
                .isEqualTo(sorted(lines.stream().map(l -> key(resourceRow(List.of(l), true), fields)).toList()));
        assertThat(detail.getLong("total_count")).as(what).isEqualTo(lines.size());
        assertThat(byId(rows(detail, "fee_records"), "trade_id")).as("trade of each line id: " + what)
                .isEqualTo(byId(rows(fees, "records"), "trade_id"));
        JsonPath monthly = BillViews.get(customer, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(),
                "statistic_type", "1", "limit", "1000"));
        List<List<BilledLine>> resources = groups(lines, BilledLine::resourceKey);
        assertThat(sorted(rows(monthly, "fee_records").stream().map(r -> key(r, fields)).toList()))
                .as("per resource: " + what)
                .isEqualTo(sorted(resources.stream().map(g -> key(resourceRow(g, false), fields)).toList()));
        assertThat(monthly.getLong("total_count")).as(what).isEqualTo(resources.size());
    }

    private void resourceDetailsShowEachLineDayAndResource(String customer, YearMonth cycle, List<BilledLine> lines) {
        String what = "resource details of " + customer + " in " + cycle + " for " + lines;
        String[] fields = {"bill_date", "res_instance_id", "cloud_service_type", "resource_Type_code", "bill_type",
            "charge_mode", "period_type", "official_amount", "discount_amount", "consume_amount", "cash_amount",
            "credit_amount", "coupon_amount", "stored_card_amount", "debt_amount"};
        Map<Integer, List<List<BilledLine>>> grains = Map.of(
                1, groups(lines, BilledLine::resourceKey),
                2, groups(lines, l -> l.resourceKey() + " " + l.billDate()),
                3, lines.stream().map(List::of).toList());
        grains.forEach((statistic, groups) -> {
            JsonPath view = BillViews.post(customer, BillViews.RES_RECORDS, Map.of("cycle", cycle.toString(),
                    "statistic_type", statistic, "limit", 1000));
            assertThat(sorted(rows(view, "monthly_records").stream().map(r -> key(r, fields)).toList()))
                    .as("statistic_type " + statistic + ": " + what)
                    .isEqualTo(sorted(groups.stream().map(g -> key(detailRow(g, statistic != 1), fields)).toList()));
            assertThat(view.getLong("total_count")).as(what).isEqualTo(groups.size());
        });
    }

    private void legacyRecordsShowEachResourceByPayMethod(String customer, YearMonth cycle, List<BilledLine> lines) {
        String[] fields = {"resInstanceId", "cloudServiceTypeCode", "resourceTypeCode", "consumeAmount",
            "officialAmount"};
        Map<String, Integer> modes = Map.of("0", 1, "1", 3);
        modes.forEach((payMethod, mode) -> {
            JsonPath view = BillViews.legacy(customer, cycle, payMethod);
            List<List<BilledLine>> groups = groups(lines.stream().filter(l -> l.chargingMode() == mode).toList(),
                    BilledLine::resourceKey);
            List<String> expected = groups.stream().map(g -> {
                Map<String, Object> row = new HashMap<>();
                row.put("resInstanceId", g.getFirst().resourceId());
                row.put("cloudServiceTypeCode", g.getFirst().service());
                row.put("resourceTypeCode", g.getFirst().resourceType());
                row.put("consumeAmount", total(g, BilledLine::amount));
                row.put("officialAmount", total(g, BilledLine::official));
                return key(row, fields);
            }).toList();
            assertThat(sorted(rows(view, "monthlyRecords").stream().map(r -> key(r, fields)).toList()))
                    .as("legacy records, payMethod " + payMethod + ", of " + customer + " in " + cycle)
                    .isEqualTo(sorted(expected));
            assertThat(view.getLong("totalCount")).isEqualTo(groups.size());
        });
    }

    private void costsShowWhatPaidPerResourceAndMonth(String customer, List<YearMonth> cycles, List<BilledLine> lines) {
        for (String cost : List.of("ORIGINAL_COST", "AMORTIZED_COST")) {
            for (String paid : List.of("PAYMENT_AMOUNT", "NET_AMOUNT")) {
                boolean amortized = cost.equals("AMORTIZED_COST");
                boolean net = paid.equals("NET_AMOUNT");
                JsonPath view = BillViews.post(customer, BillViews.COSTS, Map.of("time_condition", Map.of(
                                "time_measure_id", 2, "begin_time", cycles.getFirst().toString(), "end_time",
                                cycles.getLast().toString()), "groupby", List.of(Map.of("type", "dimension", "key",
                                "RESOURCE_ID")), "cost_type", cost, "amount_type", paid, "limit", 1000));
                Map<String, BigDecimal> expected = new LinkedHashMap<>();
                for (BilledLine line : lines) {
                    long amount = line.paidTotal() - (net ? line.paid(Part.COUPON) : 0);
                    for (YearMonth month : cycles) {
                        BigDecimal share = amortized && line.spread()
                                ? spreadCents(yuan(amount), line, BssTime.startOf(month.atDay(1)),
                                        BssTime.startOf(month.plusMonths(1).atDay(1)))
                                : line.cycle().equals(month) ? yuan(amount) : BigDecimal.ZERO;
                        expected.merge(line.resourceId() + " " + month, share, BigDecimal::add);
                    }
                }
                assertThat(costsByResourceAndMonth(view)).as(cost + " " + paid + " of " + customer + " for " + lines)
                        .isEqualTo(nonZero(expected));
                rows(view, "cost_data").forEach(group -> assertThat(new BigDecimal((String) group.get(
                        "amount_by_costs"))).isEqualByComparingTo(BillViews.rows(group, "costs").stream()
                        .map(c -> new BigDecimal((String) c.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add)));
            }
        }
        YearMonth month = cycles.get(1);
        JsonPath daily = BillViews.post(customer, BillViews.COSTS, Map.of("time_condition", Map.of("time_measure_id",
                1, "begin_time", month.atDay(1).toString(), "end_time", month.atEndOfMonth().toString()), "groupby",
                List.of(Map.of("type", "dimension", "key", "RESOURCE_ID")), "cost_type", "AMORTIZED_COST",
                "limit", 1000));
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (BilledLine line : lines) {
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                BigDecimal share = line.spread()
                        ? spreadCents(yuan(line.paidTotal()), line, BssTime.startOf(day),
                                BssTime.startOf(day.plusDays(1)))
                        : line.billDate().equals(day) ? yuan(line.paidTotal()) : BigDecimal.ZERO;
                expected.merge(line.resourceId() + " " + day, share, BigDecimal::add);
            }
        }
        assertThat(costsByResourceAndMonth(daily)).as("daily amortised costs of " + customer + " in " + month)
                .isEqualTo(nonZero(expected));
    }

    private void breakdownSharesAreThoseOfTheModelAndAddUp(String customer, List<YearMonth> cycles,
            List<BilledLine> lines) {
        String[] fields = {"resource_id", "bill_cycle", "bill_type", "charging_mode", "consume_amount",
            "past_months_amortized_amount", "current_month_amortized_amount", "future_months_amortized_amount",
            "amortized_cash_amount", "amortized_credit_amount", "amortized_coupon_amount",
            "amortized_stored_value_card_amount"};
        List<YearMonth> months = new ArrayList<>(cycles);
        months.add(cycles.getLast().plusMonths(1));
        Map<String, BigDecimal[]> sharedOverMonths = new HashMap<>();
        for (YearMonth month : months) {
            Instant from = BssTime.startOf(month.atDay(1));
            Instant to = BssTime.startOf(month.plusMonths(1).atDay(1));
            List<String> expected = new ArrayList<>();
            for (BilledLine line : lines) {
                boolean inMonth = line.spread() ? line.effective().isBefore(to) && line.expire().isAfter(from)
                        : line.cycle().equals(month);
                if (inMonth) {
                    expected.add(key(breakdownRow(line, month, from, to), fields));
                }
            }
            JsonPath view = BillViews.get(customer, BillViews.BREAKDOWN, Map.of("shared_month", month.toString(),
                    "limit", "1000"));
            assertThat(sorted(rows(view, "details").stream().map(r -> key(r, fields)).toList()))
                    .as("breakdown of " + customer + " in " + month + " for " + lines).isEqualTo(sorted(expected));
            assertThat(view.getLong("total_count")).isEqualTo(expected.size());
            for (Map<String, Object> row : rows(view, "details")) {
                BigDecimal[] shared = sharedOverMonths.computeIfAbsent(row.get("resource_id") + " "
                        + row.get("bill_type"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                shared[0] = shared[0].add((BigDecimal) row.get("current_month_amortized_amount"));
                for (String part : List.of("amortized_cash_amount", "amortized_credit_amount",
                        "amortized_coupon_amount", "amortized_stored_value_card_amount")) {
                    shared[1] = shared[1].add((BigDecimal) row.get(part));
                }
            }
        }
        // the lines of a resource that lie within the months queried have been shared out whole
        Instant end = BssTime.startOf(months.getLast().plusMonths(1).atDay(1));
        groups(lines, l -> l.resourceId() + " " + l.billType()).stream()
                .filter(g -> g.stream().allMatch(l -> !l.spread() || !l.expire().isAfter(end)))
                .forEach(g -> {
                    BigDecimal[] shared = sharedOverMonths.get(g.getFirst().resourceId() + " "
                            + g.getFirst().billType());
                    assertThat(shared[0]).as("amortised over the months: " + g)
                            .isCloseTo(total(g, BilledLine::amount), Offset.offset(
                                    new BigDecimal("0.00000010")));
                    // the breakdown splits what cash, credit, coupons and cards paid; it has no column for arrears
                    assertThat(shared[1]).as("what paid, amortised over the months: " + g)
                            .isCloseTo(yuan(sum(g, l -> l.paidTotal() - l.paid(Part.DEBT))),
                                    Offset.offset(new BigDecimal("0.00000100")));
                });
    }

    private static Map<String, Object> breakdownRow(BilledLine line, YearMonth month, Instant from, Instant to) {
        BigDecimal amount = line.amount();
        BigDecimal past;
        BigDecimal future;
        BigDecimal zero = BigDecimal.ZERO.setScale(8);
        if (line.spread()) {
            past = portion(amount, line, line.effective(), min(line.expire(), from));
            future = portion(amount, line, max(line.effective(), to), line.expire());
        } else {
            int order = line.cycle().compareTo(month);
            past = order < 0 ? amount : zero;
            future = order > 0 ? amount : zero;
        }
        BigDecimal current = amount.subtract(past).subtract(future);
        Map<String, Object> row = new HashMap<>();
        row.put("resource_id", line.resourceId());
        row.put("bill_cycle", line.cycle().toString());
        row.put("bill_type", line.billType());
        row.put("charging_mode", line.chargingMode());
        row.put("consume_amount", amount);
        row.put("past_months_amortized_amount", past);
        row.put("current_month_amortized_amount", current);
        row.put("future_months_amortized_amount", future);
        Map<String, Part> parts = Map.of("amortized_cash_amount", Part.CASH, "amortized_credit_amount", Part.CREDIT,
                "amortized_coupon_amount", Part.COUPON, "amortized_stored_value_card_amount", Part.CARD);
        parts.forEach((field, part) -> row.put(field, amount.signum() == 0 ? zero
                : current.multiply(yuan(line.paid(part))).divide(amount, 8, RoundingMode.HALF_UP)));
        return row;
    }

    /** The part of {@code amount}, spread over the line's period in proportion to time, in [a, b), to 8 decimals. */
    static BigDecimal portion(BigDecimal amount, BilledLine line, Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return BigDecimal.ZERO.setScale(8);
        }
        long whole = Duration.between(line.effective(), line.expire()).toSeconds();
        return amount.multiply(BigDecimal.valueOf(Duration.between(a, b).toSeconds()))
                .divide(BigDecimal.valueOf(whole), 8, RoundingMode.HALF_UP);
    }

    /** The cents of {@code paid} spread into [from, to): spread up to its end less spread up to its start. */
    static BigDecimal spreadCents(BigDecimal paid, BilledLine line, Instant from, Instant to) {
        Instant a = max(line.effective(), from);
        Instant b = min(line.expire(), to);
        if (!b.isAfter(a)) {
            return BigDecimal.ZERO;
        }
        return portion(paid, line, line.effective(), b).setScale(2, RoundingMode.HALF_UP)
                .subtract(portion(paid, line, line.effective(), a).setScale(2, RoundingMode.HALF_UP));
    }

    private static Map<String, String> costsByResourceAndMonth(JsonPath view) {
        Map<String, String> costs = new TreeMap<>();
        for (Map<String, Object> group : rows(view, "cost_data")) {
            String resource = (String) BillViews.rows(group, "dimensions").getFirst().get("value");
            for (Map<String, Object> cost : BillViews.rows(group, "costs")) {
                BigDecimal amount = new BigDecimal((String) cost.get("amount"));
                if (amount.signum() != 0) {
                    costs.put(resource + " " + cost.get("time_dimension_value"), text(amount));
                }
            }
        }
        return costs;
    }

    private static Map<String, String> nonZero(Map<String, BigDecimal> amounts) {
        Map<String, String> costs = new TreeMap<>();
        amounts.forEach((k, v) -> {
            if (v.signum() != 0) {
                costs.put(k, text(v));
            }
        });
        return costs;
    }

    private static Map<String, Object> resourceRow(List<BilledLine> group, boolean perLine) {
        BilledLine first = group.getFirst();
        Map<String, Object> row = feeParts(group, RESOURCE_PARTS);
        row.put("bill_date", perLine ? first.billDate() : null);
        row.put("resource_id", first.resourceId());
        row.put("cloud_service_type", first.service());
        row.put("resource_type", first.resourceType());
        row.put("bill_type", first.billType());
        row.put("charge_mode", first.chargingMode());
        row.put("period_type", first.periodType());
        row.put("usage_type", first.usageType());
        row.put("usage", first.usage() == null ? null : total(group, BilledLine::usage));
        row.put("official_amount", total(group, BilledLine::official));
        row.put("discount_amount", total(group, BilledLine::discount));
        row.put("amount", total(group, BilledLine::amount));
        row.put("effective_time", BssTime.formatWire(group.stream().map(BilledLine::effective).min(Instant::compareTo)
                .orElseThrow()));
        row.put("expire_time", BssTime.formatWire(group.stream().map(BilledLine::expire).max(Instant::compareTo)
                .orElseThrow()));
        return row;
    }

    private static Map<String, Object> detailRow(List<BilledLine> group, boolean daily) {
        BilledLine first = group.getFirst();
        Map<String, Object> row = feeParts(group, RESOURCE_PARTS);
        row.put("bill_date", daily ? first.billDate() : null);
        row.put("res_instance_id", first.resourceId());
        row.put("cloud_service_type", first.service());
        row.put("resource_Type_code", first.resourceType());
        row.put("bill_type", first.billType());
        row.put("charge_mode", first.chargingMode());
        row.put("period_type", first.periodType());
        row.put("official_amount", total(group, BilledLine::official));
        row.put("discount_amount", total(group, BilledLine::discount));
        row.put("consume_amount", total(group, BilledLine::amount));
        return row;
    }

    private static Map<String, Object> feeParts(List<BilledLine> group, Map<Part, String> fields) {
        Map<String, Object> row = new HashMap<>();
        fields.forEach((part, field) -> row.put(field, yuan(sum(group, l -> l.paid(part)))));
        return row;
    }

    private static Map<String, Object> withDay(Map<String, Object> row, String timeField) {
        Map<String, Object> copy = new HashMap<>(row);
        copy.put("day", BssTime.businessDate(Instant.parse((String) row.get(timeField))));
        return copy;
    }

    private static Map<String, String> byId(List<Map<String, Object>> rows, String field) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get("id"), r -> (String) r.get(field)));
    }

    private static int category(BilledLine line) {
        return line.billType() == 4 ? 2 : 1;
    }

    private static List<List<BilledLine>> groups(List<BilledLine> lines, Function<BilledLine, String> key) {
        return new ArrayList<>(lines.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.toList())).values());
    }

    private static long sum(List<BilledLine> lines, ToLongFunction<BilledLine> cents) {
        return lines.stream().mapToLong(cents).sum();
    }

    private static BigDecimal total(List<BilledLine> lines, Function<BilledLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String text(Object value) {
        return BillViews.text(value);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
