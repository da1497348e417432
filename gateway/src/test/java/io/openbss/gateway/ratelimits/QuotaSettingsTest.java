package io.openbss.gateway.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.operations.Operation;
import io.openbss.common.operations.ReplayRule;
import io.openbss.common.operations.ServiceTypeSource;
import io.openbss.gateway.GatewayConfig.RateLimitsConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which per-second quota a call gets: the operation table's, unless configured per operation or per account. */
class QuotaSettingsTest {

    private static final Operation BALANCES = new Operation("ShowCustomerAccountBalances", "GET",
            "/v2/accounts/customer-accounts/balances", "billing", Operation.CallerRule.CUSTOMER, 20,
            "bss:balance:view", ServiceTypeSource.NONE,
            new ReplayRule(ReplayRule.Kind.NONE, null));
    private static final Operation PAY = new Operation("PayOrders", "POST", "/v3/orders/customer-orders/pay",
            "orders", Operation.CallerRule.CUSTOMER, 10, "bss:order:update",
            ServiceTypeSource.TOUCHED, new ReplayRule(ReplayRule.Kind.ANSWERED, null));

    @Test
    void theTableUnlessAnOperationOrAnAccountIsConfigured() {
        RateLimitsConfig config = config(Map.of("PayOrders", 50),
                Map.of("big-customer", Map.of("*", 100, "ShowCustomerAccountBalances", 500),
                        "small-customer", Map.of("PayOrders", 2)));

        assertThat(RateLimits.limitOf(config, BALANCES, "anyone")).isEqualTo(20);
        assertThat(RateLimits.limitOf(config, PAY, "anyone")).isEqualTo(50);
        assertThat(RateLimits.limitOf(config, BALANCES, "big-customer")).isEqualTo(500);
        assertThat(RateLimits.limitOf(config, PAY, "big-customer")).isEqualTo(100);
        assertThat(RateLimits.limitOf(config, PAY, "small-customer")).isEqualTo(2);
        assertThat(RateLimits.limitOf(config, BALANCES, "small-customer")).isEqualTo(20);
    }

    private static RateLimitsConfig config(Map<String, Integer> operations,
            Map<String, Map<String, Integer>> accounts) {
        return new RateLimitsConfig() {
            public boolean enabled() {
                return true;
            }

            public Store store() {
                return Store.MEMORY;
            }

            public Map<String, Integer> operations() {
                return operations;
            }

            public Map<String, Map<String, Integer>> accounts() {
                return accounts;
            }

            public RedisFailure redisFailure() {
                return RedisFailure.OPEN;
            }

            public Duration redisTimeout() {
                return Duration.ofMillis(250);
            }
        };
    }
}
