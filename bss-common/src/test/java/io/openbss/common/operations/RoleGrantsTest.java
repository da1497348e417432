package io.openbss.common.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a token's roles allow, read against the real operation table as a console reads it. */
class RoleGrantsTest {

    final OperationTable table = OperationTable.load();

    @Test
    void financeHandlesMoneyButMayNotPayOrders() {
        List<String> finance = List.of("bss_finance");
        assertThat(RoleGrants.allows(finance, operation("PayOrders"))).isFalse();
        assertThat(RoleGrants.allows(finance, operation("CancelCustomerOrder"))).isFalse();
        assertThat(RoleGrants.allows(finance, operation("ListCustomerOrders"))).isTrue();
        assertThat(RoleGrants.allows(finance, operation("UpdateSubEnterpriseAmount"))).isTrue();
        assertThat(RoleGrants.allows(finance, operation("ShowCustomerAccountBalances"))).isTrue();
        assertThat(RoleGrants.allows(finance, operation("RenewalResources"))).isFalse();
    }

    @Test
    void operatorPaysOrdersButMovesNoMoneyBetweenAccounts() {
        List<String> operator = List.of("bss_operator");
        assertThat(RoleGrants.allows(operator, operation("PayOrders"))).isTrue();
        assertThat(RoleGrants.allows(operator, operation("RenewalResources"))).isTrue();
        assertThat(RoleGrants.allows(operator, operation("CancelResourcesSubscription"))).isTrue();
        assertThat(RoleGrants.allows(operator, operation("UpdateSubEnterpriseAmount"))).isFalse();
        assertThat(RoleGrants.allows(operator, operation("ListCosts"))).isFalse();
    }

    @Test
    void readonlyViewsEverythingAndChangesNothing() {
        List<String> readonly = List.of("bss_readonly");
        for (Operation operation : table.all()) {
            if (operation.action().startsWith("bss:")) {
                assertThat(RoleGrants.allows(readonly, operation)).as(operation.name())
                        .isEqualTo(!operation.changesState());
            }
        }
    }

    @Test
    void theAccountsOwnUserAndBssAdminMayCallEveryOperation() {
        for (Operation operation : table.all()) {
            assertThat(RoleGrants.allows(List.of(RoleGrants.ACCOUNT_ROLE), operation)).as(operation.name()).isTrue();
            assertThat(RoleGrants.allows(List.of("bss_admin"), operation)).as(operation.name()).isTrue();
        }
    }

    @Test
    void unknownRoleNamesGrantNothingButTheCallersOwnTokenAndAccount() {
        for (List<String> roles : List.of(List.<String>of(), List.of("op_service", "BSS_ADMIN", "bss_owner"))) {
            for (Operation operation : table.all()) {
                assertThat(RoleGrants.allows(roles, operation)).as("%s %s", roles, operation.name())
                        .isEqualTo(operation.action().startsWith("iam:"));
            }
        }
        assertThat(RoleGrants.allows(List.of(), operation("KeystoneRevokeToken"))).isTrue();
    }

    @Test
    void rolesAddUp() {
        List<String> both = List.of("bss_finance", "bss_operator");
        assertThat(RoleGrants.allows(both, operation("PayOrders"))).isTrue();
        assertThat(RoleGrants.allows(both, operation("UpdateSubEnterpriseAmount"))).isTrue();
        assertThat(RoleGrants.allows(both, operation("CreateSubEnterpriseAccount"))).isFalse();
    }

    @Test
    void aRoleMatchesWholeActionPartsOnly() {
        assertThat(BssRole.BSS_FINANCE.allows("bss:bill:update")).isTrue();
        assertThat(BssRole.BSS_FINANCE.allows("bss:billing:view")).isFalse();
        assertThat(BssRole.BSS_READONLY.allows("bss:order:view:extra")).isFalse();
        assertThat(BssRole.BSS_ADMIN.allows("iam:tokens:delete")).isFalse();
        assertThat(BssRole.fromWireName("bss_operator")).contains(BssRole.BSS_OPERATOR);
        assertThat(BssRole.fromWireName(null)).isEmpty();
    }

    private Operation operation(String name) {
        return table.byName(name).orElseThrow();
    }
}
