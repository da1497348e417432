package io.openbss.gateway.pipeline;

import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.ratelimits.RateLimitHeaders;
import io.openbss.gateway.ratelimits.RateLimits;
import io.openbss.gateway.tokens.TokenRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Rate-limit: the per-API quotas of the client's address and of an account ({@link RateLimits}), whose standing
 * every answer then carries in its headers; a call over a quota is refused with 429 APIG.0308, and every call with
 * 503 APIG.0201 while the shared quotas cannot be read and the gateway is told to refuse meanwhile.
 */
@Singleton
class Throttling {

    @Inject
    RateLimits rateLimits;

    @Inject
    Vertx vertx;

    /** An authenticated call, counted against its account. */
    Future<PublicCall> account(PublicCall call) {
        return limit(call, call.credential.domainId(), false);
    }

    /**
     * A password login, counted before its (deliberately slow) password check against its user name, whatever
     * account fields it names, so that neither one client nor many guessing one user can keep the gateway hashing.
     * Its refusal is held until the quota admits again: a guesser that does not wait then costs a timer, not the
     * gateway's CPU, and makes its next guess no sooner.
     */
    Future<PublicCall> login(PublicCall call) {
        String userName = TokenRequest.parse(call.body, false).userName();
        return limit(call, "login:" + userName.toLowerCase(Locale.ROOT), true);
    }

    private Future<PublicCall> limit(PublicCall call, String account, boolean holdRefusal) {
        return rateLimits.check(call.operation(), call.address, account).compose(verdict -> {
            if (verdict == null) {
                return Future.succeededFuture(call);
            }
            RateLimitHeaders.write(call.request.response(), verdict,
                    "debug".equalsIgnoreCase(call.header("X-Apig-Mode")));
            if (verdict.admitted()) {
                return Future.succeededFuture(call);
            }
            ApigException throttled = ApigException.throttled(RateLimitHeaders.refusal(verdict));
            if (!holdRefusal) {
                return Future.failedFuture(throttled);
            }
            Promise<PublicCall> held = Promise.promise();
            vertx.setTimer(Math.max(1, verdict.retryAfterMillis()), timer -> held.fail(throttled));
            return held.future();
        });
    }
}
