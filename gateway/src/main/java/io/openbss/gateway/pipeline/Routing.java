package io.openbss.gateway.pipeline;

import io.openbss.common.operations.OperationTable;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.input.InputGate;
import io.openbss.gateway.input.SourceAddresses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Route: the operation a call names, by its method and path in the operation table; 404 APIG.0101 when none does, or
 * when the path is not canonical (a service would resolve it into another path than the one routed by). From here
 * on the call is traced and its client's address is known.
 */
@Singleton
class Routing {

    private final OperationTable operations = OperationTable.load();

    @Inject
    GatewayTracing tracing;

    @Inject
    SourceAddresses sourceAddresses;

    PublicCall route(PublicCall call) {
        HttpServerRequest request = call.request;
        var match = InputGate.isCanonicalPath(request.path())
                ? operations.match(request.method().name(), request.path()) : Optional.<OperationTable.Match>empty();
        call.route = match.orElseThrow(ApigException::noSuchApi);
        call.span = tracing.start(request, call.operation().name());
        call.address = sourceAddresses.of(request);
        return call;
    }
}
