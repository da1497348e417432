package io.openbss.billing.freeresources;

import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.bills.BillViews.key;
import static io.openbss.billing.bills.BillViews.rows;
import static io.openbss.billing.bills.BillViews.sorted;
import static io.openbss.billing.bills.BillViews.text;
import static io.openbss.billing.freeresources.Packages.GB;
import static io.openbss.billing.freeresources.Packages.MB;
import static io.openbss.billing.freeresources.Packages.PRICE_PER_GB;
import static io.openbss.billing.freeresources.Packages.REGION;
import static io.openbss.billing.freeresources.Packages.grant;
import static io.openbss.billing.freeresources.Packages.meter;
import static io.openbss.billing.freeresources.Packages.rate;
import static io.openbss.billing.bills.UsageRecords.traffic;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.bills.BillViews;
import io.openbss.billing.bills.SampledProperty;
import io.openbss.billing.freeresources.Packages.Granted;
import io.openbss.common.time.BssTime;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;

/**
 * Resource packages pay for pay-per-use usage before it is charged: the packages in force at the hour of usage, in
 * its region, soonest to expire first, each as far as its quota goes and never below zero, once per usage record
 * however often it is sent or rated. What the packages list shows left, what the quota details show left, the
 * records of what used them and the bill lines' free resource usage all tell the same story.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class FreeResourcesTest {

    static final int TRIES = 15;
    static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

    /**
     * A package of the scenario: its quota (GB or MB), whether the quota is whole again each month, when it comes
     * into force and expires relative to the 48 hours of usage (0: long before / long after, 1 and 2: at hours
     * inside them), and whether it is of another region or unsubscribed before any usage is rated.
     */
    record PackageSpec(BigDecimal amount, boolean inMb, boolean monthly, int effective, int expire,
            boolean otherRegion, boolean unsubscribed) {
    }

    /** Traffic of one of the 48 hours that straddle the end of the month before last (UTC+8), in GB or MB. */
    record Traffic(int hour, BigDecimal usage, boolean inMb) {
    }

    /** Packages, then batches of traffic each sent and rated in turn, and maybe one batch sent again. */
    record Scenario(List<PackageSpec> packages, List<List<Traffic>> batches, int replayed) {
    }

    /** What the model says a quota has used, per month for a monthly quota. */
    static final class Quota {
        final PackageSpec spec;
        final Granted granted;
        final Instant effective;
        final Instant expire;
        final Map<YearMonth, BigDecimal> used = new TreeMap<>();

        Quota(PackageSpec spec, Granted granted, Instant effective, Instant expire) {
            this.spec = spec;
            this.granted = granted;
            this.effective = effective;
            this.expire = expire;
        }

        YearMonth period(Instant at) {
            return spec.monthly() ? YearMonth.from(BssTime.businessDate(at)) : YearMonth.of(1970, 1);
        }

        BigDecimal left(Instant at) {
            return spec.amount().subtract(used.getOrDefault(period(at), BigDecimal.ZERO));
        }

        BigDecimal usedInAll() {
            return used.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** What is left now: a monthly quota's month is this one, which the scenario's usage never reaches. */
        BigDecimal leftNow() {
            return spec.monthly() ? spec.amount() : spec.amount().subtract(usedInAll());
        }
    }

    @Test
    void packagesPayUsageFirstAsFarAsTheyGoOnceEachAndEveryViewAgrees() {
        SampledProperty.check("packages.use", TRIES, scenarios(), scenario -> {
            String customer = funded("20.00");
            YearMonth last = YearMonth.from(BssTime.businessDate(Instant.now())).minusMonths(1);
            Instant first = BssTime.startOf(last.atDay(1)).minus(24, ChronoUnit.HOURS);
            List<Quota> quotas = new ArrayList<>();
            for (int i = 0; i < scenario.packages().size(); i++) {
                PackageSpec spec = scenario.packages().get(i);
                Instant effective = first.plus(List.of(-720, 12, 30).get(spec.effective()), ChronoUnit.HOURS);
                Instant expire = first.plus(List.of(24 * 400, 20, 36).get(spec.expire()), ChronoUnit.HOURS)
                        .plus(i, ChronoUnit.MINUTES);
                if (!expire.isAfter(effective)) {
                    expire = effective.plus(10, ChronoUnit.HOURS).plus(i, ChronoUnit.MINUTES);
                }
                Granted granted = grant(customer, spec.otherRegion() ? "cn-east-3" : REGION, effective, expire,
                        spec.monthly() ? 1 : 2, spec.amount(), spec.inMb() ? MB : GB);
                if (spec.unsubscribed()) {
                    Packages.unsubscribe(granted.packageId());
                }
                quotas.add(new Quota(spec, granted, effective, expire));
            }
            List<Map<String, Object>> expectedLines = new ArrayList<>();
            List<Map<String, Object>> expectedDeductions = new ArrayList<>();
            List<List<Map<String, Object>>> sent = new ArrayList<>();
            for (List<Traffic> batch : scenario.batches()) {
                List<Map<String, Object>> records = batch.stream().map(t -> traffic(customer, "obs-" + customer,
                        REGION, first.plus(t.hour(), ChronoUnit.HOURS), t.usage(), t.inMb() ? MB : GB)).toList();
                meter(records, records.size());
                rate();
                sent.add(records);
                TreeMap<Integer, BigDecimal> byHour = new TreeMap<>();
                batch.forEach(t -> byHour.merge(t.hour(), t.inMb() ? t.usage().divide(MB_PER_GB) : t.usage(),
                        BigDecimal::add));
                byHour.forEach((hour, usage) -> {
                    Instant at = first.plus(hour, ChronoUnit.HOURS);
                    BigDecimal gb = usage.setScale(8, RoundingMode.HALF_UP);
                    BigDecimal covered = use(quotas, at, gb, expectedDeductions);
                    Map<String, Object> line = new HashMap<>();
                    line.put("effective_time", BssTime.formatWire(at.plus(5, ChronoUnit.MINUTES)));
                    line.put("usage", gb);
                    line.put("free_resource_usage", covered);
                    line.put("official_amount", PRICE_PER_GB.multiply(gb.subtract(covered))
                            .setScale(8, RoundingMode.HALF_UP));
                    expectedLines.add(line);
                });
            }
            if (scenario.replayed() >= 0) {
                meter(sent.get(scenario.replayed() % sent.size()), 0);
                rate();
            }
            billLinesShowWhatPackagesPaid(customer, first, expectedLines);
            packageViewsShowWhatIsLeft(customer, quotas);
            usageRecordsAreTheDeductions(customer, first, expectedDeductions, quotas);
        });
    }

    /** The model of package use: quotas in force at the hour, soonest to expire first, as far as each goes. */
    private static BigDecimal use(List<Quota> quotas, Instant at, BigDecimal usage,
            List<Map<String, Object>> deductions) {
        BigDecimal left = usage;
        List<Quota> inForce = quotas.stream().filter(q -> !q.spec.unsubscribed() && !q.spec.otherRegion()
                        && !q.effective.isAfter(at) && q.expire.isAfter(at))
                .sorted(Comparator.comparing(q -> q.expire)).toList();
        for (Quota quota : inForce) {
            BigDecimal available = quota.left(at);
            // what is left of the quota, in GB, to 8 decimals rounded down: a package never gives more than it holds
            BigDecimal availableInGb = (quota.spec.inMb() ? available.divide(MB_PER_GB) : available)
                    .setScale(8, RoundingMode.DOWN);
            BigDecimal take = left.min(availableInGb);
            if (take.signum() <= 0) {
                continue;
            }
            BigDecimal taken = (quota.spec.inMb() ? take.multiply(MB_PER_GB) : take).setScale(8, RoundingMode.HALF_UP)
                    .min(available);
            left = left.subtract(take);
            quota.used.merge(quota.period(at), taken, BigDecimal::add);
            Map<String, Object> deduction = new HashMap<>();
            deduction.put("free_resource_id", quota.granted.quotaId());
            deduction.put("deduct_time", BssTime.formatWire(at));
            deduction.put("available_amount", available);
            deduction.put("used_amount", taken);
            deduction.put("remaining_amount", available.subtract(taken));
            deductions.add(deduction);
        }
        return usage.subtract(left);
    }

    private static void billLinesShowWhatPackagesPaid(String customer, Instant first,
            List<Map<String, Object>> expected) {
        String[] fields = {"effective_time", "usage", "free_resource_usage", "official_amount"};
        List<String> shown = new ArrayList<>();
        for (YearMonth cycle : cycles(first)) {
            JsonPath view = BillViews.get(customer, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(),
                    "limit", "1000"));
            rows(view, "fee_records").forEach(r -> shown.add(key(r, fields)));
        }
        assertThat(sorted(shown)).as("bill lines of " + customer)
                .isEqualTo(sorted(expected.stream().map(l -> key(l, fields)).toList()));
    }

    private static void packageViewsShowWhatIsLeft(String customer, List<Quota> quotas) {
        JsonPath packages = BillViews.post(customer, "/v3/payments/free-resources/query", Map.of("limit", 100));
        assertThat(packages.getLong("total_count")).isEqualTo(quotas.size());
        Map<String, String> shown = new TreeMap<>();
        rows(packages, "free_resource_packages").forEach(p -> {
            Map<String, Object> quota = BillViews.rows(p, "free_resources").getFirst();
            shown.put((String) p.get("order_instance_id"), key(p, "status") + "|" + key(quota, "free_resource_id",
                    "amount", "original_amount"));
        });
        Instant now = Instant.now();
        Map<String, String> expected = new TreeMap<>();
        for (Quota q : quotas) {
            int status = q.spec.unsubscribed() ? 4 : !q.expire.isAfter(now) ? 3 : q.effective.isAfter(now) ? 0
                    : q.leftNow().signum() == 0 ? 2 : 1;
            expected.put(q.granted.packageId(), "status=" + status + "|free_resource_id=" + q.granted.quotaId()
                    + "|amount=" + text(q.leftNow()) + "|original_amount=" + text(q.spec.amount()));
        }
        assertThat(shown).as("packages of " + customer).isEqualTo(expected);
        JsonPath details = BillViews.post(customer, "/v2/payments/free-resources/usages/details/query",
                Map.of("free_resource_ids", quotas.stream().map(q -> q.granted.quotaId()).toList()));
        Map<String, String> left = new TreeMap<>();
        rows(details, "free_resources").forEach(d -> left.put((String) d.get("free_resource_id"),
                key(d, "amount", "original_amount")));
        Map<String, String> expectedLeft = new TreeMap<>();
        quotas.forEach(q -> expectedLeft.put(q.granted.quotaId(), "amount=" + text(q.leftNow()) + "|original_amount="
                + text(q.spec.amount())));
        assertThat(left).as("quota details of " + customer).isEqualTo(expectedLeft);
    }

    private static void usageRecordsAreTheDeductions(String customer, Instant first,
            List<Map<String, Object>> expected, List<Quota> quotas) {
        LocalDate from = BssTime.businessDate(first);
        JsonPath view = BillViews.get(customer, "/v2/bills/customer-bills/free-resources-usage-records", Map.of(
                "deduct_time_begin", from.toString(), "deduct_time_end", from.plusDays(2).toString(),
                "limit", "1000"));
        String[] fields = {"free_resource_id", "deduct_time", "available_amount", "used_amount", "remaining_amount"};
        List<Map<String, Object>> records = rows(view, "free_resource_records");
        assertThat(sorted(records.stream().map(r -> key(r, fields)).toList())).as("deductions of " + customer)
                .isEqualTo(sorted(expected.stream().map(d -> key(d, fields)).toList()));
        assertThat(view.getLong("total_count")).isEqualTo(expected.size());
        for (Quota q : quotas) {
            Map<YearMonth, BigDecimal> used = new TreeMap<>();
            records.stream().filter(r -> q.granted.quotaId().equals(r.get("free_resource_id"))).forEach(r -> used
                    .merge(q.period(Instant.parse((String) r.get("deduct_time"))), new BigDecimal((String) r.get(
                            "used_amount")), BigDecimal::add));
            assertThat(used.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("what used quota %s",
                    q.granted.quotaId()).isEqualByComparingTo(q.usedInAll());
            assertThat(used.values()).as("what used quota %s in each of its periods", q.granted.quotaId())
                    .allSatisfy(u -> assertThat(u).isLessThanOrEqualTo(q.spec.amount()));
        }
    }

    private static Set<YearMonth> cycles(Instant first) {
        Set<YearMonth> cycles = new LinkedHashSet<>();
        cycles.add(YearMonth.from(BssTime.businessDate(first)));
        cycles.add(YearMonth.from(BssTime.businessDate(first.plus(47, ChronoUnit.HOURS))));
        return cycles;
    }

    static Arbitrary<Scenario> scenarios() {
        Arbitrary<PackageSpec> packages = Arbitraries.of(true, false).flatMap(inMb -> Combinators.combine(
                Arbitraries.of(false, true),
                inMb ? Arbitraries.integers().between(100, 20_480).withDistribution(RandomDistribution.uniform())
                        .map(BigDecimal::valueOf)
                        : Arbitraries.longs().between(100, 2_000).withDistribution(RandomDistribution.uniform())
                        .map(c -> BigDecimal.valueOf(c, 2)),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.of(false, false, false, true), Arbitraries.of(false, false, false, true))
                .as((monthly, amount, effective, expire, otherRegion, unsubscribed) -> new PackageSpec(amount, inMb,
                        monthly, effective, expire, otherRegion, unsubscribed)));
        Arbitrary<Traffic> traffic = Arbitraries.of(true, false).flatMap(inMb -> Combinators.combine(
                Arbitraries.integers().between(0, 47),
                inMb ? Arbitraries.integers().between(1, 8_192).withDistribution(RandomDistribution.uniform())
                        .map(BigDecimal::valueOf)
                        : Arbitraries.longs().between(1, 8_000).withDistribution(RandomDistribution.uniform())
                        .map(m -> BigDecimal.valueOf(m, 3)))
                .as((hour, usage) -> new Traffic(hour, usage, inMb)));
        return Combinators.combine(packages.list().ofMinSize(1).ofMaxSize(3),
                        traffic.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.integers().between(-1, 3))
                .as(Scenario::new);
    }

    @Test
    void concurrentRatingRunsUseAQuotaOnce() {
        String customer = funded("20.00");
        Instant hour = BssTime.startOf(BssTime.businessDate(Instant.now()).minusDays(1)).plus(3, ChronoUnit.HOURS);
        Granted granted = grant(customer, REGION, hour.minus(1, ChronoUnit.DAYS), hour.plus(30, ChronoUnit.DAYS), 2,
                new BigDecimal("5"), GB);
        List<Map<String, Object>> records = IntStream.range(0, 6).mapToObj(i -> traffic(customer, "obs-" + i, REGION,
                hour.plus(i, ChronoUnit.HOURS), new BigDecimal("2"), GB)).toList();
        meter(records, records.size());
        List<CompletableFuture<Void>> runs = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(Packages::rate)).toList();
        runs.forEach(CompletableFuture::join);
        meter(records, 0);
        rate();
        JsonPath view = BillViews.get(customer, "/v2/bills/customer-bills/free-resources-usage-records", Map.of(
                "deduct_time_begin", BssTime.businessDate(hour).toString(), "deduct_time_end",
                BssTime.businessDate(hour).plusDays(1).toString(), "limit", "100"));
        // runs may rate the hours in any order, but 5 GB are given once: 2, 2 and what is left, 1
        assertThat(view.getList("free_resource_records.used_amount", String.class))
                .containsExactlyInAnyOrder("1", "2", "2");
        JsonPath left = BillViews.post(customer, "/v2/payments/free-resources/usages/details/query",
                Map.of("free_resource_ids", List.of(granted.quotaId())));
        assertThat(left.getObject("free_resources[0].amount", BigDecimal.class)).isZero();
        assertThat(freeUsage(customer, YearMonth.from(BssTime.businessDate(hour)))).isEqualByComparingTo("5");
    }

    @Test
    void aMonthlyQuotaIsWholeInEachMonthAndEachMonthsUseCountsOnceInWhateverOrderItIsRated() {
        String customer = funded("20.00");
        YearMonth current = YearMonth.from(BssTime.businessDate(Instant.now()));
        YearMonth earlier = current.minusMonths(2);
        YearMonth last = current.minusMonths(1);
        Instant inEarlier = BssTime.startOf(earlier.atDay(10)).plus(3, ChronoUnit.HOURS);
        Instant inLast = BssTime.startOf(last.atDay(10)).plus(3, ChronoUnit.HOURS);
        Granted granted = grant(customer, REGION, BssTime.startOf(earlier.atDay(1)),
                BssTime.startOf(current.plusMonths(6).atDay(1)), 1, new BigDecimal("10"), GB);
        String resource = "obs-" + customer;
        meter(List.of(traffic(customer, resource, REGION, inEarlier, new BigDecimal("6"), GB)), 1);
        rate();
        meter(List.of(traffic(customer, resource, REGION, inLast, new BigDecimal("7"), GB)), 1);
        rate();
        // more use of both months, rated after both: each month has only what its own use left
        meter(List.of(traffic(customer, resource, REGION, inEarlier.plus(1, ChronoUnit.HOURS), new BigDecimal("6"),
                GB)), 1);
        rate();
        meter(List.of(traffic(customer, resource, REGION, inLast.plus(1, ChronoUnit.HOURS), new BigDecimal("5"), GB)),
                1);
        rate();
        assertThat(freeUsage(customer, earlier)).as("given in " + earlier).isEqualByComparingTo("10");
        assertThat(freeUsage(customer, last)).as("given in " + last).isEqualByComparingTo("10");
        JsonPath records = BillViews.get(customer, "/v2/bills/customer-bills/free-resources-usage-records", Map.of(
                "deduct_time_begin", earlier.atDay(10).toString(), "deduct_time_end", last.atDay(11).toString(),
                "limit", "100"));
        assertThat(records.getList("free_resource_records.used_amount", String.class))
                .containsExactly("3", "7", "4", "6");
        assertThat(records.getList("free_resource_records.remaining_amount", String.class))
                .containsExactly("0", "3", "0", "4");
        // nothing used this month: the quota is whole, over this month
        JsonPath details = BillViews.post(customer, "/v2/payments/free-resources/usages/details/query",
                Map.of("free_resource_ids", List.of(granted.quotaId())));
        assertThat(details.getObject("free_resources[0].amount", BigDecimal.class)).isEqualByComparingTo("10");
        assertThat(details.getString("free_resources[0].start_time"))
                .isEqualTo(BssTime.formatWire(BssTime.startOf(current.atDay(1))));
        assertThat(details.getString("free_resources[0].end_time"))
                .isEqualTo(BssTime.formatWire(BssTime.startOf(current.plusMonths(1).atDay(1))));
        JsonPath packages = BillViews.post(customer, "/v3/payments/free-resources/query", Map.of());
        assertThat(packages.getString("free_resource_packages[0].free_resources[0].amount")).isEqualTo("10");
        assertThat(packages.getInt("free_resource_packages[0].status")).isEqualTo(1);
    }

    @Test
    void packagesNotInForceAtTheHourOfAnotherRegionOrUnsubscribedPayNothing() {
        String customer = funded("20.00");
        Instant hour = BssTime.startOf(BssTime.businessDate(Instant.now()).minusDays(1)).plus(3, ChronoUnit.HOURS);
        BigDecimal ten = BigDecimal.TEN;
        List<Granted> idle = List.of(
                grant(customer, REGION, hour.minus(10, ChronoUnit.DAYS), hour, 2, ten, GB),
                grant(customer, REGION, hour.plus(1, ChronoUnit.HOURS), hour.plus(10, ChronoUnit.DAYS), 2, ten, GB),
                grant(customer, "cn-east-3", hour.minus(1, ChronoUnit.DAYS), hour.plus(10, ChronoUnit.DAYS), 2, ten,
                        GB),
                grant(customer, REGION, hour.minus(1, ChronoUnit.DAYS), hour.plus(10, ChronoUnit.DAYS), 2, ten, GB));
        Packages.unsubscribe(idle.getLast().packageId());
        meter(List.of(traffic(customer, "obs-a", REGION, hour, new BigDecimal("3"), GB)), 1);
        rate();
        JsonPath lines = BillViews.get(customer, BillViews.RES_FEE_RECORDS, Map.of("cycle",
                YearMonth.from(BssTime.businessDate(hour)).toString()));
        assertThat(lines.getObject("fee_records[0].free_resource_usage", BigDecimal.class)).isZero();
        assertThat(lines.getObject("fee_records[0].official_amount", BigDecimal.class)).isEqualByComparingTo("1.50");
        JsonPath details = BillViews.post(customer, "/v2/payments/free-resources/usages/details/query",
                Map.of("free_resource_ids", idle.stream().map(Granted::quotaId).toList()));
        assertThat(details.getList("free_resources.amount", BigDecimal.class)).hasSize(4)
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo(ten));
        // the package that is not yet in force at the first hour is at the next
        meter(List.of(traffic(customer, "obs-a", REGION, hour.plus(1, ChronoUnit.HOURS), new BigDecimal("3"), GB)),
                1);
        rate();
        assertThat(freeUsage(customer, YearMonth.from(BssTime.businessDate(hour)))).isEqualByComparingTo("3");
        JsonPath after = BillViews.post(customer, "/v2/payments/free-resources/usages/details/query",
                Map.of("free_resource_ids", List.of(idle.get(1).quotaId())));
        assertThat(after.getObject("free_resources[0].amount", BigDecimal.class)).isEqualByComparingTo("7");
    }

    /** The free resource usage of the customer's bill lines in a cycle. */
    private static BigDecimal freeUsage(String customer, YearMonth cycle) {
        JsonPath lines = BillViews.get(customer, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(),
                "limit", "1000"));
        return lines.getList("fee_records.free_resource_usage", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
