package io.openbss.billing.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A customer's account in the ledger. Its balance is written only by the database, from journal lines
 * (V1__ledger.sql); the application reads it and never updates it.
 */
@Entity
@Table(name = "ledger_account")
public class LedgerAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "customer_id")
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type")
    public AccountType accountType;

    @Column(name = "balance", updatable = false)
    public BigDecimal balance;

    @Column(name = "credit_limit")
    public BigDecimal creditLimit;

    @Column(name = "currency")
    public String currency;

    @Column(name = "created_at")
    public Instant createdAt;

    public static LedgerAccount open(String customerId, AccountType type, Instant now) {
        LedgerAccount account = new LedgerAccount();
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        account.accountId = HexFormat.of().formatHex(id);
        account.customerId = customerId;
        account.accountType = type;
        account.balance = BigDecimal.ZERO.setScale(2);
        account.creditLimit = BigDecimal.ZERO.setScale(2);
        account.currency = "CNY";
        account.createdAt = now;
        return account;
    }

    public static Uni<List<LedgerAccount>> ofCustomer(String customerId) {
        return list("customerId = ?1 order by accountType", customerId);
    }

    public static Uni<LedgerAccount> find(String customerId, AccountType type) {
        return find("customerId = ?1 and accountType = ?2", customerId, type).firstResult();
    }

    /** What can still be spent: the cash balance, or the unused part of a credit limit. */
    public BigDecimal available() {
        return accountType == AccountType.CREDIT ? creditLimit.add(balance) : balance;
    }
}
