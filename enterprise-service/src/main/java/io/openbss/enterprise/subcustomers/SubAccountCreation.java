package io.openbss.enterprise.subcustomers;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.reconcile.Reconciler;
import io.openbss.common.reconcile.RetryPolicy;
import io.openbss.common.remote.Refusal;
import io.openbss.enterprise.EnterpriseConfig;
import io.openbss.enterprise.iam.IamClient;
import io.openbss.enterprise.iam.NewDomain;
import io.openbss.enterprise.organizations.Organization;
import io.openbss.enterprise.sms.VerificationCodes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates a sub-account: the account (the gateway's, with its password), its registration with billing, the
 * association. The creation is recorded first; the gateway call carries the creation's id as idempotency key; each
 * later step is an idempotent PUT. Whatever a crash interrupts, {@link #resume} (the reconciler) finishes, or fails
 * when the account was never made (the password is not kept, so it cannot be made later). {@link CreationTransitions}
 * makes the status changes; {@link Reconciler} paces the retries ({@code bss.enterprise.sub-account-creations.*}).
 */
@ApplicationScoped
public class SubAccountCreation {

    private static final Logger LOG = Logger.getLogger(SubAccountCreation.class);

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    IamClient iam;

    @Inject
    BillingClient billing;

    @Inject
    VerificationCodes codes;

    @Inject
    CreationTransitions transitions;

    @Inject
    EnterpriseConfig config;

    private Reconciler reconciler;

    @PostConstruct
    void schedule() {
        EnterpriseConfig.CreationRetries retries = config.subAccountCreations();
        reconciler = new Reconciler(pool, clock, CreationTransitions.UNFINISHED, new RetryPolicy(
                retries.batchSize(), retries.grace(), retries.backoff(), retries.maxBackoff(), retries.maxAttempts()));
    }

    public Uni<Map<String, Object>> create(String masterId, NewSubAccountRequest request) {
        NewSubAccountRequest.NewCustomer customer = request.newSubCustomer();
        Uni<Long> verified = request.useMasterPhone() ? Uni.createFrom().nullItem()
                : codes.verify(customer.mobilePhone(), customer.verificationCode());
        String creationId = UUID.randomUUID().toString();
        Uni<Void> unit = Organization.requireUnitOf(pool, masterId, request.partyId(),
                "Invalid parameter party_id: " + request.partyId() + " is not a unit of this enterprise");
        return unit.chain(() -> verified).flatMap(codeId -> record(creationId, masterId, request)
                .chain(() -> iam.createDomain(new NewDomain(creationId, customer.customerName(), "enterprise_sub",
                        request.useMasterPhone() ? null : customer.mobilePhone(), request.useMasterPhone(), masterId,
                        customer.password())))
                .onFailure(Refusal.class).call(refusal -> fail(creationId, (Refusal) refusal))
                .flatMap(domain -> complete(creationId, domain.domainId()))
                .call(() -> codeId == null ? Uni.createFrom().voidItem() : codes.spend(codeId)))
                .map(created -> Map.<String, Object>of("domain_id", created.subCustomerId,
                        "domain_name", created.accountName))
                .onFailure(failure -> !(failure instanceof BssException) && !(failure instanceof Refusal))
                .transform(failure -> {
                    LOG.warnf("sub-account creation %s left for the reconciler: %s", creationId, failure.toString());
                    return new BssException(ErrorCode.INTERNAL, "The sub-account is being created; list the "
                            + "sub-accounts to see it");
                })
                .onFailure(Refusal.class).transform(refusal -> ((Refusal) refusal).toBssException());
    }

    /**
     * Finishes or fails creations that a crash or an outage interrupted; for the reconciler. Answers how many are
     * still pending.
     */
    public Uni<Long> resume() {
        return reconciler.run(row -> {
            String creationId = row.getString("creation_id");
            Uni<String> domainId = row.getString("sub_customer_id") != null
                    ? Uni.createFrom().item(row.getString("sub_customer_id"))
                    : iam.createDomain(new NewDomain(creationId, row.getString("account_name"), "enterprise_sub",
                            row.getString("mobile_phone"), row.getBoolean("use_master_phone"),
                            row.getString("master_customer_id"), null)).map(NewDomain.Created::domainId);
            return domainId.flatMap(id -> complete(creationId, id)).replaceWithVoid()
                    .onFailure(Refusal.class).recoverWithUni(r -> fail(creationId, (Refusal) r));
        });
    }

    private Uni<Void> record(String creationId, String masterId, NewSubAccountRequest request) {
        NewSubAccountRequest.NewCustomer customer = request.newSubCustomer();
        OffsetDateTime now = now();
        return pool.preparedQuery("""
                        INSERT INTO sub_account_creation (creation_id, master_customer_id, account_name, display_name,
                            org_id, financial_custody, permission_ids, mobile_phone, use_master_phone, status,
                            next_attempt_at, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $12, $10, $11)""")
                .execute(Tuple.from(Arrays.asList(creationId, masterId, customer.customerName(),
                        request.displayName(), request.partyId(), request.custody(),
                        request.permissions().toArray(String[]::new),
                        request.useMasterPhone() ? null : customer.mobilePhone(), request.useMasterPhone(),
                        reconciler.firstAttemptAt(now.toInstant()), now, CreationTransitions.RECORDED.name())))
                .replaceWithVoid();
    }

    /** The steps after the account exists, each idempotent, then the creation is done. */
    private Uni<SubCustomer> complete(String creationId, String domainId) {
        return pool.preparedQuery("""
                        UPDATE sub_account_creation SET sub_customer_id = $2 WHERE creation_id = $1 RETURNING *""")
                .execute(Tuple.of(creationId, domainId)).map(rows -> subCustomer(rows.iterator().next()))
                .call(sub -> billing.register(sub.subCustomerId, sub.accountName))
                .call(sub -> pool.preparedQuery("""
                                INSERT INTO sub_customer (sub_customer_id, master_customer_id, account_name,
                                    display_name, status, org_id, association_type, financial_custody, permission_ids,
                                    created_at)
                                VALUES ($1, $2, $3, $4, $9, $5, 1, $6, $7, $8)
                                ON CONFLICT (sub_customer_id) DO NOTHING""")
                        .execute(Tuple.from(Arrays.asList(sub.subCustomerId, sub.masterCustomerId,
                                sub.accountName, sub.displayName, sub.orgId, sub.financialCustody,
                                sub.permissionIds.toArray(String[]::new), now(), SubAccountAccess.ACTIVE))))
                .call(sub -> billing.associate(sub.subCustomerId, BillingAssociation.of(sub)))
                .call(sub -> transitions.done(creationId));
    }

    private Uni<Void> fail(String creationId, Refusal refusal) {
        return transitions.fail(creationId, JsonObject.mapFrom(refusal.body())).replaceWithVoid();
    }

    private static SubCustomer subCustomer(Row row) {
        SubCustomer sub = new SubCustomer();
        sub.subCustomerId = row.getString("sub_customer_id");
        sub.masterCustomerId = row.getString("master_customer_id");
        sub.accountName = row.getString("account_name");
        sub.displayName = row.getString("display_name");
        sub.orgId = row.getString("org_id");
        sub.financialCustody = row.getBoolean("financial_custody");
        sub.permissionIds = List.of(row.getArrayOfStrings("permission_ids"));
        return sub;
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
