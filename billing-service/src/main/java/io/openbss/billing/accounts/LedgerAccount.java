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
import java.util.List;

/**
 * A customer's account in the ledger, read through Hibernate. Its balance is written only by the database, from
 * journal lines (V1__ledger.sql); accounts are opened and moved by the ledger's SQL ({@code Journal}).
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

    @Column(name = "instrument_id")
    public String instrumentId;

    @Column(name = "currency")
    public String currency;

    @Column(name = "created_at")
    public Instant createdAt;

    /** A customer's cash, credit and arrears accounts (not its coupons and cards). */
    public static Uni<List<LedgerAccount>> ofCustomer(String customerId) {
        return list("customerId = ?1 and instrumentId is null order by accountType", customerId);
    }

    public static Uni<LedgerAccount> find(String customerId, AccountType type) {
        return find("customerId = ?1 and accountType = ?2", customerId, type).firstResult();
    }

}
