package io.openbss.gateway.pipeline;

import io.openbss.common.request.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The public front door, a pipeline whose steps run in the order written in {@link #handle} (docs/gateway-pipeline.md):
 * route, read the body while identifying the caller from the headers, authenticate, screen the input, guard against
 * replays, count the call against its quotas, authorize, record it, then forward it to the owning service or answer
 * it here. Each step is one class with one job, and answers a Vert.x {@link Future} whose handlers run on the
 * request's event loop; a step refuses a call by failing (a refusal thrown inside the chain fails it too), which skips
 * the steps after it. Every answer, the reply or the refusal, goes through {@link Answers}.
 */
@Singleton
public class GatewayHandler implements Handler<HttpServerRequest> {

    @Inject
    InFlightCalls calls;

    @Inject
    Routing routing;

    @Inject
    Recording recording;

    @Inject
    BodyReading bodies;

    @Inject
    Identification identification;

    @Inject
    Authentication authentication;

    @Inject
    ReplayCheck replays;

    @Inject
    Throttling throttling;

    @Inject
    Authorization authorization;

    @Inject
    Forwarding forwarding;

    @Inject
    IamAnswers iam;

    @Inject
    Answers answers;

    @Override
    public void handle(HttpServerRequest request) {
        long started = System.nanoTime();
        String requestId = RequestIds.orNew(request.getHeader(RequestIds.HEADER));
        if (!calls.admit()) {
            ShutdownRefusal.answer(request, requestId);
            return;
        }
        PublicCall call = new PublicCall(request, requestId, started);
        Future.succeededFuture(call)
                .map(routing::route)
                .map(recording::begin)
                .compose(routed -> bodies.read(routed, identification.identify(routed)))
                .compose(this::authenticate)
                .compose(authorization::authorize)
                .compose(recording::beforePerforming)
                .compose(this::perform)
                .onComplete(outcome -> answers.send(call, outcome));
    }

    /**
     * Who calls, and whether it may go on. A password login is screened and counted against its user name before
     * its (slow) password check; its signature, if any, authenticates nothing, so it is no replay either. Any other
     * call is counted against its account only once authenticated: an unauthenticated call never uses up an
     * account's quota.
     */
    private Future<PublicCall> authenticate(PublicCall call) {
        if (call.passwordLogin) {
            return Future.succeededFuture(call)
                    .map(InputCheck::check)
                    .compose(throttling::login)
                    .compose(authentication::authenticate);
        }
        return authentication.authenticate(call)
                .map(InputCheck::check)
                .compose(replays::check)
                .compose(throttling::account);
    }

    /** The operations the gateway owns are answered here; every other is forwarded to the service that owns it. */
    private Future<Reply> perform(PublicCall call) {
        return IamAnswers.owns(call.operation()) ? iam.answer(call) : forwarding.forward(call);
    }
}
