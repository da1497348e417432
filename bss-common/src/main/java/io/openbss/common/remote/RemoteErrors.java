package io.openbss.common.remote;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorBody;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * A 400 from another service is a {@link Refusal}: it validated the request and refused it. Everything else that
 * fails, 401/403 from a misconfigured key included, is {@link Unavailable}: nothing says the work will not happen.
 */
public class RemoteErrors implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        if (response.getStatus() == 400) {
            try {
                ErrorBody body = response.readEntity(ErrorBody.class);
                if (body != null && body.errorCode() != null) {
                    return new Refusal(body);
                }
            } catch (ProcessingException e) {
                return new Unavailable("400 without an error body");
            }
        }
        return new Unavailable("HTTP " + response.getStatus());
    }

    /** A call to {@code service} whose failures are a {@link Refusal} or, for anything else, {@link Unavailable}. */
    public static <T> Uni<T> classified(String service, Uni<T> call) {
        return call.onFailure(f -> !(f instanceof Refusal) && !(f instanceof Unavailable))
                .transform(f -> new Unavailable(service + ": " + f));
    }

    /** What this service answers when a call it depends on failed: the refusal itself, or an outage (500). */
    public static Throwable answer(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return refusal.toBssException();
        }
        if (failure instanceof BssException) {
            return failure;
        }
        return new BssException(ErrorCode.INTERNAL, "A service this operation depends on is unavailable; try again");
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
