package io.openbss.billing.rating;

import io.openbss.billing.catalog.Product;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Priced items, and the discounts that could apply to them. */
public record Quote(List<QuotedItem> items, List<Discount> discounts) {

    /** One item at its official price, with what each applicable discount takes off it. */
    public record QuotedItem(PricedItem item, Product product, BigDecimal official, Map<Discount, BigDecimal> offers) {

        /** The discount that takes most off (commercial before promotion on a tie), if any applies. */
        public Optional<Discount> best() {
            return offers.entrySet().stream()
                    .filter(e -> e.getValue().signum() > 0)
                    .max(Comparator.<Map.Entry<Discount, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue)
                            .thenComparing(e -> e.getKey().commercial()))
                    .map(Map.Entry::getKey);
        }

        public BigDecimal bestDiscount() {
            return best().map(offers::get).orElse(BigDecimal.ZERO.setScale(official.scale()));
        }

        public BigDecimal amount() {
            return official.subtract(bestDiscount());
        }
    }

    public BigDecimal official() {
        return items.stream().map(QuotedItem::official).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
