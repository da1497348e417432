package io.openbss.gateway.pipeline;

import io.openbss.common.request.RequestIds;
import io.openbss.gateway.backends.BackendClient;
import io.openbss.gateway.backends.InternalTokenIssuer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Forward: the call goes to the service that owns its operation, with the caller as a signed internal token, the
 * request id and trace context, and of the client's headers only those a service may see. A call that may be sent
 * twice ({@link PublicCall#repeatable}) is sent again when its connection breaks before the answer comes
 * ({@link BackendClient}): such a break is how a service that shuts down drops calls it never performed. No
 * connection to the service is 503 APIG.0201 (the call was not performed), no answer in time 504, a broken exchange
 * 502.
 */
@Singleton
class Forwarding {

    /** Request headers a service may see; everything else a client sends stays at the gateway. */
    static final List<String> FORWARDED = List.of("Content-Type", "Accept", "X-Language", "User-Agent");

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    BackendClient backends;

    @Inject
    GatewayTracing tracing;

    Future<Reply> forward(PublicCall call) {
        String service = call.operation().service();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : FORWARDED) {
            String value = call.header(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        headers.set("Authorization", "Bearer " + tokens.tokenFor(call.caller, service));
        headers.set(RequestIds.HEADER, call.requestId);
        tracing.propagate(call.span, headers);
        return backends.forward(service, call.request.method(), call.request.uri(), headers, call.body,
                call.repeatable()).map(Reply::of);
    }
}
