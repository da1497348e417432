package io.openbss.orders.lifecycle;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.time.BssTime;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderTransitions;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.SourceType;
import io.openbss.orders.payments.AutomaticPayment;
import io.openbss.orders.renewals.RenewalRequest;
import io.openbss.orders.renewals.RenewalService;
import io.openbss.orders.resources.ExpirePolicy;
import io.openbss.orders.resources.ResourceStatus;
import io.openbss.orders.resources.ResourceTransitions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Drives resources through time (seed 000): from its deduction day (7 days before expiry unless the customer set
 * 2-7), an auto-renewed resource is renewed and paid at 03:00 UTC+8, once a day until it expires; at expiry a
 * resource converts to pay-per-use or is deleted as set, or enters its retention period; after it, it is deleted.
 * Unpaid renewal orders of deleted resources are cancelled. {@link ResourceTransitions} and {@link OrderTransitions}
 * make those status changes; this class only decides when. The clock is injectable, so tests move time. Runs of one
 * process (the schedule's and an operator's) take turns, so a run that returns has seen the work of those before it.
 */
@ApplicationScoped
public class ResourceLifecycle {

    private static final Logger LOG = Logger.getLogger(ResourceLifecycle.class);
    static final LocalTime AUTO_RENEW_TIME = LocalTime.of(3, 0);

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    @Inject
    RenewalService renewals;

    @Inject
    AutomaticPayment payments;

    @Inject
    ResourceTransitions resources;

    @Inject
    OrderTransitions orders;

    private final AtomicReference<CompletableFuture<Void>> lastRun =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    @Scheduled(every = "${bss.orders.lifecycle.interval:60s}", delayed = "${bss.orders.reconciler.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> previous = lastRun.getAndSet(done);
            return Uni.createFrom().completionStage(previous)
                    .chain(() -> autoRenew().chain(this::expire).chain(this::delete).chain(this::cancelOrdersOfDeleted))
                    .onTermination().invoke(() -> done.complete(null));
        });
    }

    Uni<Void> autoRenew() {
        Instant now = clock.instant();
        LocalDate today = BssTime.businessDate(now);
        if (now.atZone(BssTime.BUSINESS_ZONE).toLocalTime().isBefore(AUTO_RENEW_TIME)) {
            return Uni.createFrom().voidItem();
        }
        // claimed for today first: a crash or a refusal waits for tomorrow's attempt, never loops
        return pool.preparedQuery("""
                        WITH due AS MATERIALIZED (
                            SELECT d.resource_id FROM subscription d
                              LEFT JOIN renew_config c ON c.customer_id = d.customer_id
                             WHERE d.expire_policy = $3 AND d.status = $4 AND d.main_resource_id IS NULL
                               AND d.expire_time > $1
                               AND (d.expire_time AT TIME ZONE 'Asia/Shanghai')::date
                                   - coalesce(c.deduction_days, 7) <= $2
                               AND (d.auto_renew_tried_on IS NULL OR d.auto_renew_tried_on < $2)
                             ORDER BY d.expire_time LIMIT 100 FOR UPDATE OF d SKIP LOCKED)
                        UPDATE subscription s SET auto_renew_tried_on = $2
                          FROM due
                         WHERE s.resource_id = due.resource_id
                        RETURNING s.resource_id, s.customer_id, s.period_type, s.period_num""")
                .execute(Tuple.of(utc(now), today, ExpirePolicy.AUTO_RENEW.code(), ResourceStatus.IN_USE.code()))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(this::renewOne)
                .collect().last().replaceWithVoid();
    }

    /** Pays the resource's unpaid auto-renewal order if it has one, else makes and pays a new one. */
    private Uni<Void> renewOne(Row resource) {
        String resourceId = resource.getString("resource_id");
        String customerId = resource.getString("customer_id");
        return pool.preparedQuery("""
                        SELECT o.order_id FROM order_line l JOIN customer_order o ON o.order_id = l.order_id
                         WHERE l.resource_id = $1 AND o.status = $2 AND o.order_type = $3 LIMIT 1""")
                .execute(Tuple.of(resourceId, OrderStatus.PENDING_PAYMENT.code(), OrderType.RENEWAL.code()))
                .flatMap(open -> open.size() > 0
                        ? payments.pay(customerId, open.iterator().next().getString("order_id"))
                        : renewals.renew(customerId, new RenewalRequest(List.of(resourceId),
                                resource.getInteger("period_type"), resource.getInteger("period_num"), 1, null),
                                SourceType.SYSTEM.code())
                                .invoke(result -> result.failures().forEach(f -> LOG.infof(
                                        "auto-renewal of %s not paid: %s", resourceId, f.errorMsg())))
                                .replaceWithVoid())
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("auto-renewal of %s failed today: %s", resourceId, failure.getMessage());
                    return null;
                });
    }

    Uni<Void> expire() {
        return resources.expire(utc(clock.instant()), config.retention()).replaceWithVoid();
    }

    Uni<Void> delete() {
        return resources.endRetention(utc(clock.instant())).replaceWithVoid();
    }

    Uni<Void> cancelOrdersOfDeleted() {
        return orders.cancelRenewalsOfDeletedResources().replaceWithVoid();
    }
}
