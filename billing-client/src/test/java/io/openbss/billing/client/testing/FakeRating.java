package io.openbss.billing.client.testing;

import static io.openbss.billing.client.testing.FakeLedger.refusal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The fake's price list: 100.00 a month per resource, with a 10% commercial discount offered; specs named
 * "unknown..." are not sold, and those named "sized..." need a size, as billing's linear products do.
 */
final class FakeRating {

    static final BigDecimal MONTHLY_PRICE = new BigDecimal("100.00");
    static final String DISCOUNT_ID = "commercial-10";
    /** The catalog's Chinese names of the resource types the tests buy; others are named after their code. */
    private static final Map<String, String> RESOURCE_TYPE_NAMES = Map.of("hws.resource.type.vm", "云主机",
            "hws.resource.type.volume", "云硬盘");

    private FakeRating() {
    }

    static JsonObject rate(JsonObject body) {
        JsonArray items = new JsonArray();
        BigDecimal official = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        for (Object product : body.getJsonArray("product_infos")) {
            JsonObject p = (JsonObject) product;
            String spec = p.getString("resource_spec");
            if (spec.startsWith("unknown")) {
                return refusal("CBC.99006006", "Product not found: " + p.getString("cloud_service_type") + " "
                        + p.getString("resource_type") + " " + spec + " in " + p.getString("region"));
            }
            if (spec.startsWith("sized") && p.getInteger("resource_size") == null) {
                return refusal("CBC.0100", "Invalid parameter product_infos[" + items.size()
                        + "].resource_size: is required for " + spec);
            }
            int months = p.getInteger("period_type") == 3 ? 12 * p.getInteger("period_num")
                    : p.getInteger("period_num");
            BigDecimal price = MONTHLY_PRICE.multiply(BigDecimal.valueOf((long) months
                    * p.getInteger("subscription_num")));
            BigDecimal discount = price.divide(BigDecimal.TEN).setScale(2);
            official = official.add(price);
            discounts = discounts.add(discount);
            items.add(new JsonObject().put("id", p.getString("id")).put("product_id", "P-" + spec)
                    .put("spec_desc_zh", spec).put("max_period_months", 36)
                    .put("resource_type_name", RESOURCE_TYPE_NAMES.getOrDefault(p.getString("resource_type"),
                            "资源类型 " + p.getString("resource_type")))
                    .put("official_amount", price).put("discount_amount", discount)
                    .put("amount", price.subtract(discount))
                    .put("discounts", new JsonArray().add(new JsonObject().put("discount_id", DISCOUNT_ID)
                            .put("discount_type", 605).put("discount_name", "Commercial 10%")
                            .put("discount_amount", discount))));
        }
        return new JsonObject().put("official_amount", official).put("discount_amount", discounts)
                .put("amount", official.subtract(discounts)).put("items", items);
    }
}
