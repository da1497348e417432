package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.bssintl.v2.BssintlMeta;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which operations of the international SDK ({@code huaweicloud-sdk-bssintl} 3.1.170) the platform serves: those whose
 * method and path are in the operation table. {@link BssintlIT} drives each of them with {@code BssintlClient}.
 */
class BssintlOperationsTest {

    /** The shared operations, by the international SDK's name (which is also the table's). */
    static final List<String> SHARED = List.of("AutoRenewalResources", "CancelAutoRenewalResources",
            "CancelCustomerOrder", "CancelResourcesSubscription", "CreateEnterpriseProjectAuth", "ListConversions",
            "ListCosts", "ListCustomerOrders", "ListCustomerselfResourceRecordDetails",
            "ListCustomerselfResourceRecords", "ListEnterpriseSubCustomers", "ListFreeResourceInfos",
            "ListFreeResourceUsages", "ListFreeResourcesUsageRecords", "ListMeasureUnits",
            "ListOnDemandResourceRatings", "ListOrderDiscounts", "ListPayPerUseCustomerResources",
            "ListRateOnPeriodDetail", "ListRenewRateOnPeriod", "ListResourceTypes", "ListServiceResources",
            "ListServiceTypes", "ListSubCustomerCoupons", "ListUsageTypes", "PayOrders", "RenewalResources",
            "SetResourcesRenewConfig", "ShowCustomerAccountBalances", "ShowCustomerExpenditureQuota",
            "ShowCustomerMonthlySum", "ShowCustomerOrderDetails", "ShowRefundOrderDetails", "UpdatePeriodToOnDemand");

    final OperationTable table = OperationTable.load();

    @Test
    void thirtyFourInternationalOperationsAreOursWithTheSameNameMethodAndPath() throws IllegalAccessException {
        TreeMap<String, String> shared = new TreeMap<>();
        List<String> sameRouteOtherName = new ArrayList<>();
        for (HttpRequestDef<?, ?> def : internationalOperations()) {
            table.all().stream()
                    .filter(op -> op.method().equals(def.getMethod().name()) && op.pathTemplate().equals(def.getUri()))
                    .map(Operation::name).findFirst().ifPresent(ours -> {
                        shared.put(def.getName(), def.getMethod().name() + " " + def.getUri());
                        if (!ours.equals(def.getName())) {
                            sameRouteOtherName.add(def.getName() + " is our " + ours);
                        }
                    });
        }
        assertThat(sameRouteOtherName).as("shared routes named differently").isEmpty();
        assertThat(shared.keySet()).as("shared: %s", shared).containsExactlyElementsOf(SHARED).hasSize(34);
    }

    @Test
    void theOthersAreOperationsWeDoNotServe() throws IllegalAccessException {
        List<HttpRequestDef<?, ?>> all = internationalOperations();
        assertThat(all).hasSize(53);
        assertThat(all.stream().map(HttpRequestDef::getName).filter(name -> !SHARED.contains(name)))
                .allSatisfy(name -> assertThat(table.byName(name)).as(name).isEmpty());
    }

    static List<HttpRequestDef<?, ?>> internationalOperations() throws IllegalAccessException {
        List<HttpRequestDef<?, ?>> operations = new ArrayList<>();
        for (Field field : BssintlMeta.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && HttpRequestDef.class.isAssignableFrom(field.getType())) {
                operations.add((HttpRequestDef<?, ?>) field.get(null));
            }
        }
        return operations;
    }
}
