package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.bss.v2.BssMeta;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's operation table agrees with the official SDK on every operation's method and path. */
class OperationTableTest {

    final OperationTable table = OperationTable.load();

    @Test
    void everyTableOperationThatTheSdkKnowsHasTheSdksMethodAndPath() throws IllegalAccessException {
        Map<String, HttpRequestDef<?, ?>> sdk = sdkOperations();
        int compared = 0;
        for (Operation operation : table.all()) {
            HttpRequestDef<?, ?> def = sdk.get(operation.name());
            if (def == null) {
                continue;
            }
            assertThat(operation.method()).as(operation.name()).isEqualTo(def.getMethod().name());
            assertThat(operation.pathTemplate()).as(operation.name()).isEqualTo(def.getUri());
            compared++;
        }
        assertThat(compared).as("operations of SDK 3.1.170 in shared/api/operations.md").isEqualTo(51);
    }

    @Test
    void theOperationsOutsideTheSdkAreTheDocumentedExtras() throws IllegalAccessException {
        Map<String, HttpRequestDef<?, ?>> sdk = sdkOperations();
        assertThat(table.all().stream().map(Operation::name).filter(name -> !sdk.containsKey(name)))
                .containsExactlyInAnyOrder("KeystoneListAuthDomains", "KeystoneCreateToken", "KeystoneRevokeToken",
                        "ListCustomerCouponChangeRecords", "UpdatePeriodToOnDemandInstantly",
                        "ListServiceTypesLegacy", "ListResourceRecordsLegacy", "ShowCustomerExpenditureQuota");
    }

    @Test
    void everyOperationIsRoutedByItsOwnShape() {
        for (Operation operation : table.all()) {
            List<String> values = operation.pathParameters().stream().map(p -> "value-of-" + p).toList();
            assertThat(table.match(operation.method(), operation.path(values)))
                    .as(operation.name()).hasValueSatisfying(match -> {
                        assertThat(match.operation()).isEqualTo(operation);
                        assertThat(match.pathValues()).isEqualTo(values);
                    });
        }
    }

    private static Map<String, HttpRequestDef<?, ?>> sdkOperations() throws IllegalAccessException {
        Map<String, HttpRequestDef<?, ?>> operations = new HashMap<>();
        for (Field field : BssMeta.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && HttpRequestDef.class.isAssignableFrom(field.getType())) {
                HttpRequestDef<?, ?> def = (HttpRequestDef<?, ?>) field.get(null);
                operations.put(def.getName(), def);
            }
        }
        return operations;
    }
}
