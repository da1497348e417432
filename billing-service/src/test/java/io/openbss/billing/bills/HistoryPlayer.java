package io.openbss.billing.bills;

import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.openbss.billing.bills.PaymentModel.yuan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.bills.BillHistory.Event;
import io.openbss.billing.bills.BillHistory.Item;
import io.openbss.billing.bills.BillHistory.Meter;
import io.openbss.billing.bills.BillHistory.Purchase;
import io.openbss.billing.bills.BillHistory.Refund;
import io.openbss.billing.bills.BillHistory.Replay;
import io.openbss.billing.bills.BillHistory.Usage;
import io.openbss.billing.bills.BillHistory.Wallet;
import io.openbss.billing.bills.PaymentModel.Part;
import io.openbss.billing.bills.PaymentModel.Plan;
import io.openbss.billing.bills.PaymentModel.Source;
import io.openbss.common.time.BssTime;
import io.openbss.common.time.ShiftableClock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays a {@link BillHistory} against billing-service, each event at its own time on the service's business clock,
 * and keeps the model of what it bills: the bill lines every view must show, and what each customer holds.
 */
public final class HistoryPlayer {

    public static final String ECS = "hws.service.type.ec2";
    public static final String EVS = "hws.service.type.ebs";
    public static final String VM = "hws.resource.type.vm";
    public static final String VOLUME = "hws.resource.type.volume";
    public static final String REGION = "cn-north-4";

    /** The metered resources of a customer: flavour or disk type, its hourly price, and its size in GB. */
    record Metered(String service, String resourceType, String spec, BigDecimal hourlyPrice, Integer sizeGb) {
    }

    static final List<Metered> METERED = List.of(
            new Metered(ECS, VM, "s6.large.2.linux", new BigDecimal("0.30"), null),
            new Metered(ECS, VM, "c6.large.2.linux", new BigDecimal("0.365"), null),
            new Metered(EVS, VOLUME, "SSD", new BigDecimal("0.0014"), 40),
            new Metered(EVS, VOLUME, "SATA", new BigDecimal("0.00042"), 150));

    /** What a customer holds now, in cents. */
    static final class Holdings {
        long cash;
        long credit;
        long card;
        long coupon;
        boolean couponForEcsOnly;
        String couponId;
    }

    /** A purchase that was paid: its request, lines, and what it took from each refundable part, less refunds. */
    record Bought(int customer, Map<String, Object> request, List<BilledLine> lines, long[] refundable) {
    }

    private final ShiftableClock clock;
    private final Instant start;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> customers = new ArrayList<>();
    private final List<Holdings> holdings = new ArrayList<>();
    private final List<BilledLine> lines = new ArrayList<>();
    private final List<Bought> bought = new ArrayList<>();
    private final List<List<Map<String, Object>>> meteredBatches = new ArrayList<>();
    private int sequence;
    private int refused;

    private HistoryPlayer(ShiftableClock clock, Instant start) {
        this.clock = clock;
        this.start = start;
    }

    /** Plays the history from {@code start}; the clock is real time again afterwards. */
    public static HistoryPlayer play(BillHistory history, ShiftableClock clock, Instant start) {
        HistoryPlayer player = new HistoryPlayer(clock, start);
        try {
            player.at(start.minus(1, ChronoUnit.HOURS));
            history.wallets().forEach(player::open);
            for (Event event : history.events()) {
                Instant at = start.plus(event.minute(), ChronoUnit.MINUTES);
                player.at(at);
                switch (event) {
                    case Purchase p -> player.purchase(p, at);
                    case Usage u -> player.usage(u, at);
                    case Refund r -> player.refund(r, at);
                    case Replay r -> player.replay(r);
                }
            }
        } finally {
            clock.reset();
            // nothing of this history may be left for another test's rating run
            internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        }
        return player;
    }

    public List<String> customers() {
        return customers;
    }

    public List<BilledLine> lines(String customer) {
        return lines.stream().filter(l -> l.customer().equals(customer)).toList();
    }

    /** How many purchases were refused for want of money, as the model expected. */
    public int refused() {
        return refused;
    }

    private void at(Instant instant) {
        clock.offset(Duration.between(Instant.now(), instant));
    }

    private void open(Wallet wallet) {
        String id = newCustomerId();
        register(id, wallet.credit() == 0 ? null : yuan(wallet.credit())).statusCode(200);
        Holdings held = new Holdings();
        if (wallet.cash() > 0) {
            recharge("fund-" + id, id, yuan(wallet.cash()).toPlainString()).statusCode(200);
        }
        held.cash = wallet.cash();
        held.credit = wallet.credit();
        String validFrom = BssTime.formatWire(start.minus(1, ChronoUnit.DAYS));
        if (wallet.card() > 0) {
            operatorPost("/internal/v1/stored-value-cards", Map.of("idempotency_key", "card-" + id, "customer_id", id,
                    "card_name", "history card", "face_value", yuan(wallet.card()), "effective_time", validFrom,
                    "expire_time", "2099-01-01T00:00:00Z")).statusCode(200);
            held.card = wallet.card();
        }
        if (wallet.coupon() > 0) {
            held.couponId = operatorPost("/internal/v1/coupons", Map.of("idempotency_key", "coupon-" + id,
                    "customer_id", id, "coupon_type", 1, "face_value", yuan(wallet.coupon()), "plan_name",
                    "history coupon", "service_type_codes", wallet.couponForEcsOnly() ? List.of(ECS) : List.of(),
                    "valid_time", validFrom, "expire_time", "2099-01-01T00:00:00Z")).statusCode(200).extract()
                    .path("id");
            held.coupon = wallet.coupon();
            held.couponForEcsOnly = wallet.couponForEcsOnly();
        }
        customers.add(id);
        holdings.add(held);
    }

    private void purchase(Purchase p, Instant at) {
        String id = customers.get(p.customer());
        Holdings held = holdings.get(p.customer());
        String tradeId = "T" + tag + "-" + sequence++;
        Instant expire = at.atZone(BssTime.BUSINESS_ZONE).plus(1, p.yearly() ? ChronoUnit.YEARS : ChronoUnit.MONTHS)
                .toInstant();
        List<Map<String, Object>> requested = new ArrayList<>();
        List<BilledLine> billed = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            Item item = p.items().get(i);
            BilledLine line = new BilledLine(id, tradeId, BssTime.businessDate(at), item.server() ? ECS : EVS,
                    item.server() ? VM : VOLUME, tradeId + "-r" + i, 1, p.renewal() ? 2 : 1, p.yearly() ? 19 : 20,
                    null, null, item.amount().add(item.discount()), item.discount(), item.amount(), null, at, expire);
            billed.add(line);
            requested.add(lineRequest(line));
        }
        boolean anyServer = billed.stream().anyMatch(l -> l.service().equals(ECS));
        boolean couponNamed = p.withCoupon() && held.coupon > 0 && (!held.couponForEcsOnly || anyServer);
        List<Source> sources = new ArrayList<>();
        if (couponNamed) {
            sources.add(new Source(Part.COUPON, held.coupon, s -> !held.couponForEcsOnly || s.equals(ECS)));
        }
        sources.add(Source.any(Part.CARD, held.card));
        sources.add(Source.any(Part.CASH, held.cash));
        sources.add(Source.any(Part.CREDIT, held.credit));
        Plan plan = PaymentModel.pay(PaymentModel.shares(billed.stream().map(BilledLine::amount).toList()),
                billed.stream().map(BilledLine::service).toList(), sources);
        Map<String, Object> request = new HashMap<>();
        request.put("idempotency_key", "buy-" + tradeId);
        request.put("customer_id", id);
        request.put("trade_id", tradeId);
        request.put("lines", requested);
        if (couponNamed) {
            request.put("coupon_ids", List.of(held.couponId));
        }
        ValidatableResponse response = internal("/internal/v1/ledger/charges", request);
        if (plan.unpaid() > 0) {
            response.statusCode(400).body("error_code", equalTo("CBC.99005003"));
            refused++;
            return;
        }
        response.statusCode(200);
        List<BilledLine> paid = settle(held, billed, plan);
        long[] refundable = {plan.total(Part.CARD), plan.total(Part.CASH), plan.total(Part.CREDIT)};
        bought.add(new Bought(p.customer(), request, paid, refundable));
    }

    private void usage(Usage u, Instant at) {
        String id = customers.get(u.customer());
        Instant hour = at.truncatedTo(ChronoUnit.HOURS).minus(u.lagHours(), ChronoUnit.HOURS);
        if (hour.isBefore(start)) {
            hour = start.plus(u.lagHours() % 48, ChronoUnit.HOURS);
        }
        if (hour.plus(1, ChronoUnit.HOURS).isAfter(at)) {
            return;
        }
        List<Map<String, Object>> records = new ArrayList<>();
        Map<Integer, List<Map<String, Object>>> byResource = new LinkedHashMap<>();
        for (int j = 0; j < u.meters().size(); j++) {
            Meter meter = u.meters().get(j);
            Metered resource = METERED.get(meter.resource());
            Instant begin = hour.plus(7L * j % 40, ChronoUnit.MINUTES);
            Map<String, Object> record = new HashMap<>();
            record.put("record_id", tag + "-u" + String.format("%06d", sequence++));
            record.put("customer_id", id);
            record.put("resource_id", tag + "-c" + u.customer() + "-m" + meter.resource());
            record.put("service_type_code", resource.service());
            record.put("resource_type_code", resource.resourceType());
            record.put("region_code", REGION);
            record.put("resource_spec", resource.spec());
            if (resource.sizeGb() != null) {
                record.put("resource_size", resource.sizeGb());
                record.put("size_measure_id", 17);
            }
            record.put("usage_type_code", "Duration");
            record.put("usage", meter.inMinutes() ? BigDecimal.valueOf(15L * meter.quarters())
                    : BigDecimal.valueOf(meter.quarters() * 25L, 2));
            record.put("usage_measure_id", meter.inMinutes() ? 6 : 4);
            record.put("begin_time", BssTime.formatWire(begin));
            record.put("end_time", BssTime.formatWire(begin.plus(20, ChronoUnit.MINUTES)));
            records.add(record);
            byResource.computeIfAbsent(meter.resource(), r -> new ArrayList<>()).add(record);
        }
        internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(records.size()));
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        meteredBatches.add(records);
        List<BilledLine> billed = new ArrayList<>();
        for (Map.Entry<Integer, List<Map<String, Object>>> group : byResource.entrySet()) {
            Metered resource = METERED.get(group.getKey());
            List<Map<String, Object>> rows = group.getValue();
            BigDecimal hours = BigDecimal.ZERO;
            for (Map<String, Object> row : rows) {
                BigDecimal usage = (BigDecimal) row.get("usage");
                hours = hours.add((Integer) row.get("usage_measure_id") == 6 ? usage.divide(BigDecimal.valueOf(60))
                        : usage);
            }
            hours = hours.setScale(8, RoundingMode.HALF_UP);
            BigDecimal official = resource.hourlyPrice().multiply(hours)
                    .multiply(BigDecimal.valueOf(resource.sizeGb() == null ? 1 : resource.sizeGb()))
                    .setScale(8, RoundingMode.HALF_UP);
            Instant first = rows.stream().map(r -> Instant.parse((String) r.get("begin_time"))).min(Instant::compareTo)
                    .orElseThrow();
            Instant last = rows.stream().map(r -> Instant.parse((String) r.get("end_time"))).max(Instant::compareTo)
                    .orElseThrow();
            billed.add(new BilledLine(id, null, BssTime.businessDate(hour), resource.service(),
                    resource.resourceType(), (String) rows.getFirst().get("resource_id"), 3, 5, 25, "Duration", hours,
                    official, BigDecimal.ZERO.setScale(8), official, null, first, last));
        }
        Holdings held = holdings.get(u.customer());
        List<Source> sources = List.of(Source.any(Part.CARD, held.card), Source.any(Part.CASH, held.cash),
                Source.any(Part.CREDIT, held.credit), Source.any(Part.DEBT, Long.MAX_VALUE));
        Plan plan = PaymentModel.pay(PaymentModel.shares(billed.stream().map(BilledLine::amount).toList()),
                billed.stream().map(BilledLine::service).toList(), sources);
        settle(held, billed, plan);
    }

    private void refund(Refund r, Instant at) {
        List<Bought> own = bought.stream().filter(b -> b.customer() == r.customer()).toList();
        if (own.isEmpty()) {
            return;
        }
        Bought purchase = own.get(r.purchase() % own.size());
        BilledLine of = purchase.lines().get(r.item() % purchase.lines().size());
        if (!at.isBefore(of.expire())) {
            return;
        }
        long available = purchase.refundable()[0] + purchase.refundable()[1] + purchase.refundable()[2];
        BigDecimal amount = yuan(available).multiply(BigDecimal.valueOf(r.percent())).movePointLeft(2)
                .setScale(r.decimals(), RoundingMode.DOWN);
        String tradeId = "R" + tag + "-" + sequence++;
        BilledLine line = new BilledLine(of.customer(), tradeId, BssTime.businessDate(at), of.service(),
                of.resourceType(), of.resourceId(), 1, 4, of.periodType(), null, null, amount.negate(),
                BigDecimal.ZERO, amount.negate(), null, at, of.expire());
        internal("/internal/v1/ledger/refunds", Map.of("idempotency_key", "refund-" + tradeId, "customer_id",
                of.customer(), "trade_id", tradeId, "refunds_trade_id", of.tradeId(), "lines",
                List.of(lineRequest(line)))).statusCode(200);
        long total = PaymentModel.shares(List.of(amount))[0];
        long[] back = PaymentModel.proportional(purchase.refundable(), total);
        Holdings held = holdings.get(r.customer());
        held.card += back[0];
        held.cash += back[1];
        held.credit += back[2];
        for (int i = 0; i < back.length; i++) {
            purchase.refundable()[i] -= back[i];
        }
        long[] paid = new long[Part.values().length];
        paid[Part.CARD.ordinal()] = -back[0];
        paid[Part.CASH.ordinal()] = -back[1];
        paid[Part.CREDIT.ordinal()] = -back[2];
        lines.add(withPaid(line, line.tradeId(), paid));
    }

    private void replay(Replay r) {
        if (r.usage() && !meteredBatches.isEmpty()) {
            List<Map<String, Object>> batch = meteredBatches.get(r.pick() % meteredBatches.size());
            internal("/internal/v1/usage-records", Map.of("records", batch)).statusCode(200)
                    .body("accepted", equalTo(0))
                    .body("duplicates", equalTo(batch.size()));
            internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        } else if (!r.usage() && !bought.isEmpty()) {
            Map<String, Object> request = bought.get(r.pick() % bought.size()).request();
            assertThat(internal("/internal/v1/ledger/charges", request).statusCode(200).extract()
                    .jsonPath().getBoolean("replayed")).as("replayed %s", request.get("trade_id")).isTrue();
        }
    }

    /** Takes what the plan says from the holdings and records the lines with what paid them. */
    private List<BilledLine> settle(Holdings held, List<BilledLine> billed, Plan plan) {
        held.coupon -= plan.total(Part.COUPON);
        held.card -= plan.total(Part.CARD);
        held.cash -= plan.total(Part.CASH);
        held.credit -= plan.total(Part.CREDIT);
        List<BilledLine> paid = new ArrayList<>();
        for (int i = 0; i < billed.size(); i++) {
            BilledLine line = withPaid(billed.get(i), billed.get(i).tradeId(), plan.paid()[i].clone());
            paid.add(line);
            lines.add(line);
        }
        return paid;
    }

    private static BilledLine withPaid(BilledLine l, String tradeId, long[] paid) {
        return new BilledLine(l.customer(), tradeId, l.billDate(), l.service(), l.resourceType(), l.resourceId(),
                l.chargingMode(), l.billType(), l.periodType(), l.usageType(), l.usage(), l.official(),
                l.discount(), l.amount(), paid, l.effective(), l.expire());
    }

    private static Map<String, Object> lineRequest(BilledLine line) {
        Map<String, Object> request = new HashMap<>();
        request.put("service_type_code", line.service());
        request.put("resource_type_code", line.resourceType());
        request.put("region_code", REGION);
        request.put("resource_id", line.resourceId());
        request.put("bill_type", line.billType());
        request.put("charging_mode", line.chargingMode());
        request.put("period_type", line.periodType());
        request.put("official_amount", line.official());
        request.put("discount_amount", line.discount());
        request.put("amount", line.amount());
        request.put("effective_time", BssTime.formatWire(line.effective()));
        request.put("expire_time", BssTime.formatWire(line.expire()));
        return request;
    }

    private static ValidatableResponse operatorPost(String path, Object body) {
        return given().header("Authorization", operator()).contentType(ContentType.JSON).body(body).post(path).then();
    }
}
