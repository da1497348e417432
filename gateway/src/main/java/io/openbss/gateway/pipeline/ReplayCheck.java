package io.openbss.gateway.pipeline;

import io.openbss.common.signing.SdkSignature;
import io.openbss.gateway.auth.ReplayGuard;
import io.openbss.gateway.errors.ApigException;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The replay guard: a signed call whose signature was used before is a replay, refused with 401 APIG.0303 where
 * sending it again could act a second time ({@link PublicCall#repeatable}); other calls are served, and so is every
 * call while the guard's store does not answer.
 */
@Singleton
class ReplayCheck {

    @Inject
    ReplayGuard replays;

    @Inject
    Clock clock;

    Future<PublicCall> check(PublicCall call) {
        if (call.authorization == null || call.repeatable()) {
            return Future.succeededFuture(call);
        }
        return replays.firstUse(call.authorization.signature(),
                        call.header(SdkSignature.DATE_HEADER), clock.instant())
                .transform(checked -> checked.succeeded() && !checked.result()
                        ? Future.failedFuture(ApigException.replayed()) : Future.succeededFuture(call));
    }
}
