package io.openbss.gateway.pipeline;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A server span per public request (continuing the client's W3C trace context if it sent one), passed on to the
 * service in {@code traceparent}: the public listener is plain Vert.x, so nothing instruments it for us. With the
 * OpenTelemetry SDK off (the default) every span is a no-op and nothing is sent.
 */
@Singleton
class GatewayTracing {

    private static final TextMapGetter<HttpServerRequest> REQUEST_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean off;

    @Inject
    GatewayTracing(OpenTelemetry openTelemetry,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean off) {
        this.tracer = openTelemetry.getTracer("io.openbss.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.off = off;
    }

    /** With tracing off, an invalid span: the hot path then reads no trace header and writes none. */
    Span start(HttpServerRequest request, String operation) {
        if (off) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(operation).setSpanKind(SpanKind.SERVER)
                .setParent(propagator.extract(Context.root(), request, REQUEST_HEADERS))
                .setAttribute("http.request.method", request.method().name())
                .setAttribute("url.path", request.path())
                .setAttribute("bss.operation", operation).startSpan();
    }

    /** Adds the span's context to the headers forwarded to a service. */
    void propagate(Span span, MultiMap headers) {
        if (off) {
            return;
        }
        propagator.inject(Context.root().with(span), headers, (carrier, key, value) -> carrier.set(key, value));
    }

    static void end(Span span, int status) {
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
