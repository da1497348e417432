package io.openbss.billing.customers;

import io.openbss.billing.accounts.AccountType;
import io.openbss.billing.accounts.LedgerAccount;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class CustomerService {

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<List<LedgerAccount>> register(String customerId, CustomerRegistration registration) {
        return Customer.<Customer>findById(customerId)
                .onItem().ifNull().switchTo(() -> {
                    Customer customer = new Customer();
                    customer.customerId = customerId;
                    customer.customerName = registration.customerName();
                    customer.registeredAt = clock.instant();
                    return customer.persist();
                })
                .invoke(customer -> customer.customerName = registration.customerName())
                .chain(customer -> openAccount(customerId, AccountType.CASH, BigDecimal.ZERO))
                .chain(() -> registration.creditLimit() == null ? Uni.createFrom().voidItem()
                        : openAccount(customerId, AccountType.CREDIT, registration.creditLimit()).replaceWithVoid())
                .chain(() -> LedgerAccount.ofCustomer(customerId));
    }

    private Uni<LedgerAccount> openAccount(String customerId, AccountType type, BigDecimal creditLimit) {
        return LedgerAccount.find(customerId, type)
                .onItem().ifNull().switchTo(() -> {
                    LedgerAccount account = LedgerAccount.open(customerId, type, clock.instant());
                    account.creditLimit = creditLimit;
                    return account.persist();
                })
                .invoke(account -> {
                    if (account.balance.add(creditLimit).signum() < 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "credit_limit " + creditLimit
                                + " is below the credit in use (" + account.balance.negate() + ")");
                    }
                    account.creditLimit = creditLimit;
                });
    }
}
