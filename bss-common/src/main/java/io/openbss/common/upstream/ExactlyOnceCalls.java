package io.openbss.common.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.reconcile.Reconciler;
import io.openbss.common.reconcile.RetryPolicy;
import io.openbss.common.request.RequestIds;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The money calls of linked accounts, sent exactly once per domain, operation and idempotency key: the call is
 * recorded before it is sent, its final answer (any 2xx or 4xx) is stored and given to every repetition, and one
 * whose answer was lost (timeout, broken connection, 5xx, open breaker) stays pending: the client is told to repeat
 * it with the same key, and the reconciler sends the same request until a final answer comes. The upstream keeps
 * its own once-per-key promise, so a resend never moves money twice.
 */
@ApplicationScoped
@IfBuildProperty(name = UpstreamClient.ENABLED, stringValue = "true")
public class ExactlyOnceCalls {

    private static final Logger LOG = Logger.getLogger(ExactlyOnceCalls.class);

    /**
     * Refusals that say the first request with the key is still being worked on upstream (a transfer, an order in
     * progress): not a final answer, the request is asked again.
     */
    static final Set<String> IN_PROGRESS = Set.of("CBC.99007461", "CBC.99003144");

    /**
     * The money operations by name, with the body field that is their idempotency key. A refused transfer stays
     * refused for its trans_id, as the BSS answers it; a refused payment (a balance too low, say) charged nothing,
     * and paying the order again later is a new attempt.
     */
    public static final Map<String, Key> KEYS = Map.of(
            "UpdateSubEnterpriseAmount", new Key("trans_id", true),
            "ReclaimSubEnterpriseAmount", new Key("trans_id", true),
            "ClaimEnterpriseMultiAccountCoupon", new Key("trans_id", true),
            "ReclaimEnterpriseMultiAccountCoupon", new Key("trans_id", true),
            "PayOrders", new Key("order_id", false));

    /** The body field naming a money call, and whether a refusal is its last answer. */
    public record Key(String field, boolean refusalFinal) {
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    UpstreamConfig config;

    @Inject
    UpstreamClient client;

    @Inject
    UpstreamCallTransitions transitions;

    private Reconciler reconciler;

    @PostConstruct
    void reconciler() {
        reconciler = new Reconciler(pool, clock, UpstreamCallTransitions.UNANSWERED,
                RetryPolicy.of(config.reconciler()));
    }

    /** The answer to {@code request}, sent at most until one final answer came for its key. */
    public Uni<UpstreamAnswer> call(String operation, String key, UpstreamRequest request) {
        String keyName = KEYS.get(operation).field();
        return find(request.linkedDomain(), operation, key).flatMap(recorded -> {
            if (recorded != null) {
                return repeated(recorded, keyName, request);
            }
            return transitions.record(operation, key, request, reconciler.firstAttemptAt(clock.instant()))
                    .flatMap(created -> created != null ? attempt(created, keyName)
                            : find(request.linkedDomain(), operation, key)
                                    .flatMap(first -> repeated(first, keyName, request)));
        });
    }

    /**
     * Resends the due pending calls, each with its own key and a new request id; answers how many are still
     * pending.
     */
    public Uni<Long> reconcile() {
        return reconciler.run(row -> {
            RecordedCall call = RecordedCall.of(row);
            return client.repeatable(call.request().withRequestId(RequestIds.generate())).flatMap(answer -> {
                if (!isFinal(answer)) {
                    return Uni.createFrom().failure(new UpstreamUnreachable("HTTP " + answer.status(), false));
                }
                return transitions.answer(call, answer, settled(call, answer)).invoke(() -> LOG.infof(
                        "%s %s of %s answered %d upstream, resent by the reconciler", call.operation(), call.key(),
                        call.domainId(), answer.status()));
            });
        });
    }

    private Uni<UpstreamAnswer> repeated(RecordedCall recorded, String keyName, UpstreamRequest request) {
        if (recorded.status() == UpstreamCallStatus.REFUSED) {
            return transitions.reopen(recorded, request, reconciler.firstAttemptAt(clock.instant()))
                    .flatMap(reopened -> reopened != null ? attempt(reopened, keyName)
                            : find(recorded.domainId(), recorded.operation(), recorded.key())
                                    .flatMap(now -> repeated(now, keyName, request)));
        }
        if (!sameRequest(recorded.request().body(), request.body())) {
            throw BssException.badParameter(keyName, "was already used for a different request");
        }
        if (recorded.status() == UpstreamCallStatus.DONE) {
            return Uni.createFrom().item(recorded.answer());
        }
        return attempt(recorded, keyName);
    }

    private Uni<UpstreamAnswer> attempt(RecordedCall call, String keyName) {
        return client.repeatable(call.request())
                .onFailure(UpstreamUnreachable.class).transform(f -> unanswered(call, keyName, f.getMessage()))
                .flatMap(answer -> {
                    if (!isFinal(answer)) {
                        throw unanswered(call, keyName, "HTTP " + answer.status());
                    }
                    return transitions.answer(call, answer, settled(call, answer)).flatMap(stored -> stored
                            ? Uni.createFrom().item(answer)
                            : find(call.domainId(), call.operation(), call.key()).map(RecordedCall::answer));
                });
    }

    private BssException unanswered(RecordedCall call, String keyName, String why) {
        LOG.warnf("%s %s of %s left pending for the reconciler: %s", call.operation(), call.key(), call.domainId(),
                why);
        return new BssException(ErrorCode.UPSTREAM_UNAVAILABLE, "The upstream BSS gave no final answer to "
                + call.operation() + " yet; it is sent again until it does: send the request again with the same "
                + keyName + " for its result");
    }

    private Uni<RecordedCall> find(String domainId, String operation, String key) {
        return pool.preparedQuery("SELECT * FROM upstream_call WHERE domain_id = $1 AND operation = $2"
                + " AND idempotency_key = $3")
                .execute(Tuple.of(domainId, operation, key))
                .map(rows -> rows.size() == 0 ? null : RecordedCall.of(rows.iterator().next()));
    }

    /**
     * Where a final answer leaves the call: done for good, or refused and open to a new attempt. A throttled call
     * (429: the gateway's upstream quota, or the upstream's own) was performed nowhere, so its key stays free.
     */
    private static UpstreamCallStatus settled(RecordedCall call, UpstreamAnswer answer) {
        boolean reopenable = answer.status() == 429 || !KEYS.get(call.operation()).refusalFinal();
        return answer.status() >= 400 && reopenable ? UpstreamCallStatus.REFUSED : UpstreamCallStatus.DONE;
    }

    /** A {@link UpstreamAnswer#definitive} answer other than "still in progress". */
    private boolean isFinal(UpstreamAnswer answer) {
        if (!answer.definitive()) {
            return false;
        }
        if (answer.status() < 400) {
            return true;
        }
        try {
            var code = json.readTree(answer.body()).get("error_code");
            return code == null || !IN_PROGRESS.contains(code.asText());
        } catch (IOException e) {
            return true;
        }
    }

    /** The same JSON, whatever the order of its fields or its spacing; byte for byte otherwise. */
    private boolean sameRequest(byte[] first, byte[] again) {
        try {
            return json.readTree(first).equals(json.readTree(again));
        } catch (IOException e) {
            return Arrays.equals(first, again);
        }
    }
}
