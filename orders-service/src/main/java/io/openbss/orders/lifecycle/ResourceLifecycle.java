package io.openbss.orders.lifecycle;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.time.BssTime;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.payments.AutomaticPayment;
import io.openbss.orders.renewals.RenewalRequest;
import io.openbss.orders.renewals.RenewalService;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Drives resources through time (seed 000): from its deduction day (7 days before expiry unless the customer set
 * 2-7), an auto-renewed resource is renewed and paid at 03:00 UTC+8, once a day until it expires; at expiry a
 * resource converts to pay-per-use or is deleted as set, or enters its retention period; after it, it is deleted.
 * Unpaid renewal orders of deleted resources are cancelled. The clock is injectable, so tests move time. Runs of one
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
                        UPDATE subscription s SET auto_renew_tried_on = $2
                          FROM (SELECT d.resource_id FROM subscription d
                                  LEFT JOIN renew_config c ON c.customer_id = d.customer_id
                                 WHERE d.expire_policy = 3 AND d.status = 2 AND d.main_resource_id IS NULL
                                   AND d.expire_time > $1
                                   AND (d.expire_time AT TIME ZONE 'Asia/Shanghai')::date
                                       - coalesce(c.deduction_days, 7) <= $2
                                   AND (d.auto_renew_tried_on IS NULL OR d.auto_renew_tried_on < $2)
                                 ORDER BY d.expire_time LIMIT 100 FOR UPDATE OF d SKIP LOCKED) due
                         WHERE s.resource_id = due.resource_id
                        RETURNING s.resource_id, s.customer_id, s.period_type, s.period_num""")
                .execute(Tuple.of(utc(now), today))
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
                         WHERE l.resource_id = $1 AND o.status = 6 AND o.order_type = 2 LIMIT 1""")
                .execute(Tuple.of(resourceId)).flatMap(open -> open.size() > 0
                        ? payments.pay(customerId, open.iterator().next().getString("order_id"))
                        : renewals.renew(customerId, new RenewalRequest(List.of(resourceId),
                                resource.getInteger("period_type"), resource.getInteger("period_num"), 1, null), 8)
                                .invoke(result -> result.failures().forEach(f -> LOG.infof(
                                        "auto-renewal of %s not paid: %s", resourceId, f.errorMsg())))
                                .replaceWithVoid())
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("auto-renewal of %s failed today: %s", resourceId, failure.getMessage());
                    return null;
                });
    }

    Uni<Void> expire() {
        OffsetDateTime now = utc(clock.instant());
        return pool.preparedQuery("""
                        UPDATE subscription
                           SET status = CASE WHEN expire_policy IN (1, 2) THEN 3 WHEN expire_policy = 4 THEN 4 ELSE 5 END,
                               retention_end_time = CASE WHEN expire_policy IN (1, 2, 4) THEN NULL
                                                         ELSE expire_time + make_interval(secs => $2) END,
                               update_time = $1
                         WHERE status = 2 AND expire_time <= $1""")
                .execute(Tuple.of(now, (double) config.retention().toSeconds())).replaceWithVoid();
    }

    Uni<Void> delete() {
        OffsetDateTime now = utc(clock.instant());
        return pool.preparedQuery("""
                        UPDATE subscription SET status = 3, update_time = $1
                         WHERE status = 5 AND retention_end_time <= $1""")
                .execute(Tuple.of(now)).replaceWithVoid();
    }

    Uni<Void> cancelOrdersOfDeleted() {
        return pool.query("""
                        UPDATE customer_order SET status = 4
                         WHERE status = 6 AND order_type = 2
                           AND order_id IN (SELECT l.order_id FROM order_line l
                                              JOIN subscription s ON s.resource_id = l.resource_id
                                             WHERE s.status = 3)""")
                .execute().replaceWithVoid();
    }
}
