package io.openbss.gateway.pipeline;

import io.openbss.gateway.input.InputGate;

/**
 * The input gate: clean text and well-formed JSON in the path parameters, the query, the headers a service will see
 * and the body, else 400 CBC.0100 naming the parameter ({@link InputGate}).
 */
final class InputCheck {

    private InputCheck() {
    }

    static PublicCall check(PublicCall call) {
        InputGate.check(call.route.pathParameters(), call.route.pathValues(), call.request.query(),
                Forwarding.FORWARDED, Forwarding.FORWARDED.stream().map(call::header).toList(), call.body);
        return call;
    }
}
