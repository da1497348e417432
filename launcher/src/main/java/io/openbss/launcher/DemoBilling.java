package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's money, set up through billing-service's internal APIs on the first day of the history: a commercial
 * discount, coupons and resource packages (a stored-value card comes later); and the pay-per-use usage of every day,
 * metered and rated the day after (see {@link DemoHistory}), with 5-minute bandwidth samples for the last three
 * days. Every
 * call is idempotent and every time derives from {@code epoch} (when the demo was first loaded), so that loading
 * again adds only the days since and moves no money twice.
 */
final class DemoBilling {

    private static final String BILLING = "/admin/v1/services/billing/v1";
    private static final String REGION = "cn-north-4";

    private final AdminClient admin;
    private final Instant epoch;
    private final String master;
    private final String dev;
    private final String ops;
    private final String individual;
    private final Map<String, String> coupons = new HashMap<>();

    DemoBilling(AdminClient admin, Instant epoch, String master, String dev, String ops, String individual) {
        this.admin = admin;
        this.epoch = epoch;
        this.master = master;
        this.dev = dev;
        this.ops = ops;
        this.individual = individual;
    }

    /** The first day of the history: the first day of the month two months before the demo was first loaded. */
    LocalDate historyStart() {
        return BssTime.businessDate(epoch).withDayOfMonth(1).minusMonths(2);
    }

    /** What the history starts with (loading again finds it there). */
    void setUp() {
        admin.expect("PUT", BILLING + "/customers/" + master + "/discounts/demo-ecs-90", Map.of(
                "name", "ECS commercial discount", "service_type_code", "hws.service.type.ec2",
                "discount_rate", new BigDecimal("0.90"), "valid_from", wire(historyStart()),
                "valid_to", wire(historyStart().plusYears(3))));
        coupon(master, "cash", 1, "300.00", null, List.of());
        // a cash coupon for DNS, which the demo does not use: the master's to give to its sub-accounts
        coupon(master, "gift", 1, "200.00", null, List.of("hws.service.type.dns"));
        coupon(master, "ebs", 2, "100.00", "0.85", List.of("hws.service.type.ebs"));
        coupon(individual, "cash", 1, "50.00", null, List.of("hws.service.type.ec2"));
        freePackage(master, "OBS-FLOW-50GB", "OBS outbound traffic 50 GB per month", 1, "50");
        freePackage(individual, "OBS-FLOW-20GB", "OBS outbound traffic 20 GB", 2, "20");
    }

    /** A stored-value card for the master, bought on {@code day}: from then on it pays before cash. */
    void storedValueCard(LocalDate day) {
        admin.expect("POST", BILLING + "/stored-value-cards", Map.of("idempotency_key", "demo-card-" + master,
                "customer_id", master, "card_name", "Demo stored-value card", "face_value", new BigDecimal("2000.00"),
                "effective_time", wire(day), "expire_time", wire(day.plusYears(2))));
    }

    /** The id of a demo coupon of a customer. */
    String couponId(String customer, String name) {
        return coupons.get(customer + "/" + name);
    }

    private void coupon(String customer, String name, int type, String face, String rate, List<String> services) {
        Map<String, Object> body = new HashMap<>();
        body.put("idempotency_key", "demo-coupon-" + name + "-" + customer);
        body.put("customer_id", customer);
        body.put("coupon_type", type);
        body.put("face_value", new BigDecimal(face));
        body.put("discount_rate", rate == null ? null : new BigDecimal(rate));
        body.put("plan_name", type == 2 ? "Demo discount coupon" : "Demo cash coupon");
        body.put("service_type_codes", services);
        body.put("valid_time", wire(historyStart()));
        body.put("expire_time", wire(historyStart().plusYears(2)));
        coupons.put(customer + "/" + name, admin.expect("POST", BILLING + "/coupons", body).path("id").asText());
    }

    private void freePackage(String customer, String product, String name, int reuseMode, String gigabytes) {
        admin.expect("POST", BILLING + "/free-resource-packages", Map.of("idempotency_key",
                "demo-package-" + product + "-" + customer, "customer_id", customer, "product_id", product,
                "product_name", name, "service_type_code", "hws.service.type.obs", "region_code", REGION,
                "effective_time", wire(historyStart()), "expire_time", wire(historyStart().plusYears(1)),
                "quota_reuse_mode", reuseMode, "free_resources", List.of(Map.of("resource_type_code",
                        "hws.resource.type.obs", "usage_type_code", "downflow", "amount", new BigDecimal(gigabytes),
                        "measure_id", 10))));
    }

    /** A day of use per pay-per-use resource for each day from {@code from} until (without) {@code until}, rated. */
    void usage(LocalDate from, LocalDate until) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            int n = (int) ChronoUnit.DAYS.between(historyStart(), day);
            records.add(daily(master, "demo-web-01", "ECS web-01", "hws.service.type.ec2", "hws.resource.type.vm",
                    "s6.large.2.linux", null, "Duration", "24", 4, day));
            records.add(daily(master, "demo-web-01-disk", "EVS web-01 data", "hws.service.type.ebs",
                    "hws.resource.type.volume", "SSD", 100, "Duration", "24", 4, day));
            records.add(daily(master, "demo-assets", "OBS assets", "hws.service.type.obs", "hws.resource.type.obs",
                    "obs.standard", null, "downflow", String.valueOf(1 + n % 5), 10, day));
            records.add(daily(master, "demo-eip-01", "EIP web-01", "hws.service.type.vpc", "hws.resource.type.ip",
                    "5_bgp", null, "Duration", "24", 4, day));
            records.add(daily(dev, "demo-dev-01", "ECS dev-01", "hws.service.type.ec2", "hws.resource.type.vm",
                    "s6.medium.2.linux", null, "Duration", "24", 4, day));
            records.add(daily(ops, "demo-ops-disk", "EVS ops logs", "hws.service.type.ebs", "hws.resource.type.volume",
                    "SATA", 40, "Duration", "24", 4, day));
            records.add(daily(individual, "demo-blog", "ECS blog", "hws.service.type.ec2", "hws.resource.type.vm",
                    "s6.small.1.linux", null, "Duration", "24", 4, day));
            records.add(daily(individual, "demo-blog-media", "OBS blog media", "hws.service.type.obs",
                    "hws.resource.type.obs", "obs.standard", null, "downflow", "1", 10, day));
        }
        meter(records);
    }

    /** 5-minute bandwidth samples of the master's 95th-percentile bandwidth for the three days before {@code today}. */
    void bandwidth(LocalDate today) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (LocalDate day = today.minusDays(3); day.isBefore(today); day = day.plusDays(1)) {
            for (int i = 0; i < 288; i++) {
                Instant start = BssTime.startOf(day).plus(5L * i, ChronoUnit.MINUTES);
                // a daily wave from 10 to 90 Mbps, peaking in the evening
                int mbps = 10 + (int) Math.round(80 * Math.pow(Math.sin(Math.PI * i / 288.0), 2));
                records.add(record(master, "demo-bw-95", "Bandwidth web", "hws.service.type.vpc",
                        "hws.resource.type.bandwidth", "95_bgp", null, "bandwidth95", String.valueOf(mbps), 15, start,
                        start.plus(5, ChronoUnit.MINUTES), day + "-" + i));
            }
        }
        meter(records);
    }

    /** Sends the records (those already there are ignored) and rates every closed period now. */
    private void meter(List<Map<String, Object>> records) {
        for (int from = 0; from < records.size(); from += 2000) {
            admin.expect("POST", BILLING + "/usage-records", Map.of("records",
                    records.subList(from, Math.min(records.size(), from + 2000))));
        }
        JsonNode run;
        do {
            run = admin.expect("POST", BILLING + "/usage-records/ratings", Map.of());
        } while (run.path("charges").asInt() > 0);
    }

    @SuppressWarnings("java:S107")
    private static Map<String, Object> daily(String customer, String resource, String name, String service,
            String type, String spec, Integer size, String usageType, String usage, int measure, LocalDate day) {
        return record(customer, resource, name, service, type, spec, size, usageType, usage, measure,
                BssTime.startOf(day), BssTime.startOf(day.plusDays(1)), day.toString());
    }

    @SuppressWarnings("java:S107")
    private static Map<String, Object> record(String customer, String resource, String name, String service,
            String type, String spec, Integer size, String usageType, String usage, int measure, Instant begin,
            Instant end, String suffix) {
        Map<String, Object> r = new HashMap<>();
        r.put("record_id", "demo-" + customer.substring(0, 8) + "-" + resource + "-" + suffix);
        r.put("customer_id", customer);
        r.put("resource_id", resource);
        r.put("resource_name", name);
        r.put("service_type_code", service);
        r.put("resource_type_code", type);
        r.put("region_code", REGION);
        r.put("resource_spec", spec);
        if (size != null) {
            r.put("resource_size", size);
            r.put("size_measure_id", 17);
        }
        r.put("usage_type_code", usageType);
        r.put("usage", new BigDecimal(usage));
        r.put("usage_measure_id", measure);
        r.put("begin_time", BssTime.formatWire(begin));
        r.put("end_time", BssTime.formatWire(end));
        return r;
    }

    private static String wire(LocalDate day) {
        return BssTime.formatWire(BssTime.startOf(day));
    }
}
