package io.openbss.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.openbss.common.operations.OperationTable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into the error envelope of shared/api/errors.md. Bad input is 400 CBC.0100 naming the
 * parameter; only faults are 5xx, and their details go to the log, never to the client.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final OperationTable OPERATIONS = OperationTable.load();
    public static final String JSON_UTF8 = "application/json;charset=UTF-8";

    @ServerExceptionMapper
    public Response bss(BssException e) {
        return respond(e.status(), ErrorBody.of(e));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = fieldOf(e);
        String problem;
        if (e instanceof OutOfRange outOfRange) {
            problem = outOfRange.problem();
        } else if (coercionOf(e) != null) {
            problem = "is out of range (expected " + rangeOf(coercionOf(e).getTargetType()) + ")";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            problem = "has the wrong type or format (expected " + simpleType(ife.getTargetType()) + ")";
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            problem = "has the wrong type (expected " + simpleType(mie.getTargetType()) + ")";
        } else {
            problem = "is not valid JSON";
        }
        return respond(400, ErrorBody.of(BssException.badParameter(field, problem)));
    }

    /** Overrides Quarkus' own mapper for this type, which answers with a body of its own shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badJson(e);
    }

    /**
     * Overrides Quarkus' own mapper for this type, which answers 500 with an empty body: a type Jackson cannot bind
     * is a fault of the service, answered with the envelope.
     */
    @ServerExceptionMapper
    public Response unbindable(InvalidDefinitionException e) {
        return fault(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return respond(401, new ErrorBody(ErrorCode.UNAUTHENTICATED.code(), "No valid internal identity"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, new ErrorBody(ErrorCode.ACCESS_DENIED.code(), "Access denied"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status == 404 || status == 405) {
            return unrouted(request, status);
        }
        if (status == 415) {
            return respond(400, ErrorBody.of(BssException.badParameter("Content-Type", "the body must be application/json")));
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        if (status < 500) {
            return respond(status, new ErrorBody(ErrorCode.BAD_PARAMETER.code(), "Invalid request: "
                    + Response.Status.fromStatusCode(status)));
        }
        LOG.error("request failed", e);
        return respond(status, new ErrorBody(ErrorCode.INTERNAL.code(), "Internal error"));
    }

    @ServerExceptionMapper
    public Response fault(Throwable e) {
        LOG.error("request failed", e);
        return respond(500, new ErrorBody(ErrorCode.INTERNAL.code(), "Internal error"));
    }

    /**
     * A public operation of this service that no resource serves yet answers 501 naming it, until its issue lands;
     * anything else unknown is 404 (or 405).
     */
    private static Response unrouted(ContainerRequestContext request, int status) {
        String service = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .orElse("").replace("-service", "");
        var match = OPERATIONS.match(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath());
        if (match.isPresent() && match.get().operation().service().equals(service)) {
            return respond(501, new ErrorBody(ErrorCode.NOT_IMPLEMENTED.code(),
                    match.get().operation().name() + " is not implemented yet"));
        }
        return respond(status, new ErrorBody(ErrorCode.NO_SUCH_PATH.code(),
                status == 404 ? "No such resource" : "Method not allowed"));
    }

    private static Response respond(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.valueOf(JSON_UTF8)).entity(body).build();
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return jme.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return "body";
    }

    /** A number too large for its field's type: Jackson's own exception, or the mapping one wrapping it. */
    private static InputCoercionException coercionOf(JsonProcessingException e) {
        if (e instanceof InputCoercionException coercion) {
            return coercion;
        }
        return e.getCause() instanceof InputCoercionException coercion ? coercion : null;
    }

    private static String rangeOf(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return type == null ? "a smaller number" : simpleType(type);
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
