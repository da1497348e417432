package io.openbss.console.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every page but the sign-in pages needs a live session of the right kind: customers' pages a customer's,
 * {@code /operator/} pages an operator's. Without one the browser is sent to the matching sign-in page.
 */
public class SessionFilter {

    @Inject
    Sessions sessions;

    @Inject
    CurrentSession current;

    /** Non-blocking: the session may come from Redis, and a filter may run on the event loop. */
    @ServerRequestFilter
    public Uni<Response> requireSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (open(path)) {
            return Uni.createFrom().nullItem();
        }
        boolean operatorPage = path.startsWith("/operator/") || path.equals("/operator");
        return sessions.find(SessionCookie.read(request)).map(found -> {
            Optional<Session> session = found.filter(candidate -> candidate.operator() == operatorPage
                    || path.equals("/sign-out") || path.equals("/language"));
            if (session.isEmpty()) {
                return Response.seeOther(URI.create(operatorPage ? "/operator/sign-in" : "/sign-in")).build();
            }
            current.set(session.get());
            return null;
        });
    }

    private static boolean open(String path) {
        return path.equals("/sign-in") || path.equals("/operator/sign-in") || path.startsWith("/static/")
                || path.startsWith("/_static/") || path.startsWith("/q/") || path.equals("/favicon.ico");
    }
}
