package io.openbss.common.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.operations.ServiceTypeSource;
import io.openbss.common.request.Language;
import io.openbss.common.request.RequestIdFilter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Upstream mode on the service side: a public operation of this service called by a customer whose account is
 * linked ({@link CallerIdentity#upstream()}) is served by the upstream BSS through the gateway's egress, and its
 * answer goes back unchanged; nothing of the account's local data is read or written. A service calls
 * {@link #forward} from a request filter that runs once the caller is known and before any resource does.
 */
@ApplicationScoped
@IfBuildProperty(name = UpstreamClient.ENABLED, stringValue = "true")
public class UpstreamForwarding {

    private static final OperationTable OPERATIONS = OperationTable.load();
    /**
     * The service types of the orders and resources an operation acts on are the upstream's, unknown here: an IAM
     * user whose policy keeps it to some service types may not call such an operation on a linked account.
     */
    static final String UNKNOWN_SERVICE_TYPES = "Access denied: the IAM user's policy (billing:cloudServiceType) "
            + "cannot be checked against the orders and resources of an account served by the upstream BSS";
    /** The longest idempotency key that is recorded (the column's size); the BSS's own keys are far shorter. */
    private static final int MAX_KEY_LENGTH = 256;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    UpstreamClient client;

    @Inject
    ExactlyOnceCalls exactlyOnce;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /**
     * The upstream's answer to the request when the caller's account is linked and the request addresses a public
     * operation of this service; a null item lets this service serve it.
     */
    public Uni<Response> forward(ContainerRequestContext request, HttpServerRequest http) {
        String path = http.path();
        if (path.startsWith("/internal/") || path.startsWith("/q/")) {
            return Uni.createFrom().nullItem();
        }
        Optional<Operation> operation = OPERATIONS.match(request.getMethod(), path)
                .map(OperationTable.Match::operation)
                .filter(o -> o.service().equals(application.replace("-service", "")));
        if (operation.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().flatMap(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return Uni.createFrom().nullItem();
            }
            CallerIdentity caller = InternalToken.read(token);
            if (!caller.upstream() || caller.kind() == CallerKind.SERVICE || caller.kind() == CallerKind.OPERATOR) {
                return Uni.createFrom().nullItem();
            }
            if (!caller.serviceTypes().isEmpty()
                    && operation.get().serviceTypes().kind() == ServiceTypeSource.Kind.TOUCHED) {
                return Uni.createFrom().failure(BssException.accessDenied(UNKNOWN_SERVICE_TYPES));
            }
            UpstreamRequest upstream = new UpstreamRequest(request.getMethod(), path, http.query(),
                    request.getHeaderString(HttpHeaders.CONTENT_TYPE), body(request), caller.customerId(),
                    String.valueOf(request.getProperty(RequestIdFilter.PROPERTY)),
                    request.getHeaderString(Language.HEADER));
            return serve(operation.get(), upstream).map(UpstreamAnswer::toResponse)
                    .onFailure(UpstreamUnreachable.class).transform(f -> unreachable((UpstreamUnreachable) f));
        });
    }

    private Uni<UpstreamAnswer> serve(Operation operation, UpstreamRequest request) {
        if (!operation.changesState()) {
            return client.repeatable(request);
        }
        ExactlyOnceCalls.Key moneyKey = ExactlyOnceCalls.KEYS.get(operation.name());
        String key = moneyKey == null ? null : key(request.body(), moneyKey.field());
        if (key == null) {
            return client.once(request);
        }
        return exactlyOnce.call(operation.name(), key, request);
    }

    /**
     * The idempotency key in the body; null when there is none to go by (the upstream judges such a request, which
     * it refuses without moving money).
     */
    private String key(byte[] body, String keyName) {
        JsonNode field;
        try {
            JsonNode tree = body.length == 0 ? null : json.readTree(body);
            field = tree == null ? null : tree.get(keyName);
        } catch (IOException e) {
            return null;
        }
        if (field == null || !field.isTextual() || field.asText().isEmpty()) {
            return null;
        }
        if (field.asText().length() > MAX_KEY_LENGTH) {
            throw BssException.badParameter(keyName, "is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return field.asText();
    }

    private static byte[] body(ContainerRequestContext request) {
        if (!request.getMethod().equals("POST") && !request.getMethod().equals("PUT")) {
            return new byte[0];
        }
        try (InputStream in = request.getEntityStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BssException unreachable(UpstreamUnreachable failure) {
        return new BssException(ErrorCode.UPSTREAM_UNAVAILABLE, failure.notSent()
                ? "The upstream BSS is unavailable: the request was not sent; try again later"
                : "The upstream BSS did not answer: whether it performed the request is unknown; try again");
    }
}
