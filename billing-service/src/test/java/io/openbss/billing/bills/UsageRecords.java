package io.openbss.billing.bills;

import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Metering records of the kinds the tests send: server hours, bandwidth samples and OBS outbound traffic. */
public final class UsageRecords {

    public static final int MBPS = 15;
    public static final int GB = 10;

    private UsageRecords() {
    }

    /** {@code hours} hours of an s6.large.2.linux server (0.30 an hour) in the hour that starts at {@code hour}. */
    public static Map<String, Object> server(String customerId, String resourceId, Instant hour, String hours) {
        Map<String, Object> r = record(customerId, resourceId, "cn-north-4", hour, hour.plus(1, ChronoUnit.HOURS));
        r.put("service_type_code", "hws.service.type.ec2");
        r.put("resource_type_code", "hws.resource.type.vm");
        r.put("resource_spec", "s6.large.2.linux");
        r.put("usage_type_code", "Duration");
        r.put("usage", new BigDecimal(hours));
        r.put("usage_measure_id", 4);
        return r;
    }

    /** A 95th-percentile bandwidth sample (0.60 a Mbps-day) of the five minutes {@code slot} (0 to 287) of a day. */
    public static Map<String, Object> bandwidth(String customerId, String resourceId, LocalDate day, int slot,
            BigDecimal value, int measure) {
        Instant begin = BssTime.startOf(day).plus(5L * slot, ChronoUnit.MINUTES);
        Map<String, Object> r = record(customerId, resourceId, "cn-north-4", begin, begin.plus(5, ChronoUnit.MINUTES));
        r.put("service_type_code", "hws.service.type.vpc");
        r.put("resource_type_code", "hws.resource.type.bandwidth");
        r.put("resource_spec", "95_bgp");
        r.put("usage_type_code", "bandwidth95");
        r.put("usage", value);
        r.put("usage_measure_id", measure);
        return r;
    }

    public static Map<String, Object> bandwidth(String customerId, String resourceId, LocalDate day, int slot,
            BigDecimal mbps) {
        return bandwidth(customerId, resourceId, day, slot, mbps, MBPS);
    }

    /** Standard OBS outbound traffic (0.50 a GB) in the hour that starts at {@code hour}, from its 5th minute. */
    public static Map<String, Object> traffic(String customerId, String resourceId, String region, Instant hour,
            BigDecimal usage, int measure) {
        Instant begin = hour.plus(5, ChronoUnit.MINUTES);
        Map<String, Object> r = record(customerId, resourceId, region, begin, begin.plus(10, ChronoUnit.MINUTES));
        r.put("service_type_code", "hws.service.type.obs");
        r.put("resource_type_code", "hws.resource.type.obs");
        r.put("resource_spec", "obs.standard");
        r.put("usage_type_code", "downflow");
        r.put("usage", usage);
        r.put("usage_measure_id", measure);
        return r;
    }

    public static Map<String, Object> traffic(String customerId, String resourceId, Instant hour, BigDecimal gb) {
        return traffic(customerId, resourceId, "cn-north-4", hour, gb, GB);
    }

    private static Map<String, Object> record(String customerId, String resourceId, String region, Instant begin,
            Instant end) {
        Map<String, Object> r = new HashMap<>();
        r.put("record_id", "rec-" + UUID.randomUUID());
        r.put("customer_id", customerId);
        r.put("resource_id", resourceId);
        r.put("region_code", region);
        r.put("begin_time", BssTime.formatWire(begin));
        r.put("end_time", BssTime.formatWire(end));
        return r;
    }
}
