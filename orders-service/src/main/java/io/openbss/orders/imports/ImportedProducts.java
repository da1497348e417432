package io.openbss.orders.imports;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.billing.client.RatedItems;
import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog product of each imported resource, found as a purchase finds it: billing's period rating of the
 * resource's spec, for its customer. Only the product is wanted, so one period of the resource's kind is rated: a
 * resource bought for longer than its product is sold for today is still found. Billing rates at most
 * {@value #BATCH} items at a time.
 */
@ApplicationScoped
class ImportedProducts {

    static final int BATCH = 100;
    /** How billing names an item of its rating request in a parameter error. */

    @Inject
    BillingClient billing;

    /** The rated product of each resource, in the order of {@code resources}. */
    Uni<List<BillingModels.RatedProduct>> of(List<ResourceImport.Resource> resources) {
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            byCustomer.computeIfAbsent(resources.get(i).customerId(), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> batches = new ArrayList<>();
        for (List<Integer> indexes : byCustomer.values()) {
            for (int from = 0; from < indexes.size(); from += BATCH) {
                batches.add(indexes.subList(from, Math.min(from + BATCH, indexes.size())));
            }
        }
        BillingModels.RatedProduct[] products = new BillingModels.RatedProduct[resources.size()];
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> rate(resources, batch))
                .invoke(items -> items.forEach(item -> products[Integer.parseInt(item.id())] = item))
                .collect().last()
                .map(done -> Arrays.asList(products));
    }

    /** One batch of one customer's resources; each item's id is the resource's index in the import. */
    private Uni<List<BillingModels.RatedProduct>> rate(List<ResourceImport.Resource> resources, List<Integer> batch) {
        List<BillingModels.PeriodProduct> products = batch.stream().map(i -> {
            ResourceImport.Resource r = resources.get(i);
            return new BillingModels.PeriodProduct(String.valueOf(i), r.serviceTypeCode(), r.resourceTypeCode(),
                    r.resourceSpecCode(), r.regionCode(), r.resourceSize(), r.sizeMeasureId(), r.periodType(), 1, 1);
        }).toList();
        return billing.ratePeriod(new BillingModels.PeriodRating(resources.get(batch.get(0)).customerId(), products))
                .map(BillingModels.RatedProducts::items)
                .onFailure().transform(failure -> RatedItems.named(failure, batch.size(),
                        i -> "resources[" + batch.get(i) + "]"))
                .onFailure().transform(RemoteErrors::answer);
    }
}
