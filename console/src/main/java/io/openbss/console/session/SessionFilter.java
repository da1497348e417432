package io.openbss.console.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

    @ServerRequestFilter
    public Optional<Response> requireSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (open(path)) {
            return Optional.empty();
        }
        boolean operatorPage = path.startsWith("/operator/") || path.equals("/operator");
        Optional<Session> session = sessions.find(SessionCookie.read(request))
                .filter(found -> found.operator() == operatorPage || path.equals("/sign-out")
                        || path.equals("/language"));
        if (session.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create(operatorPage ? "/operator/sign-in" : "/sign-in"))
                    .build());
        }
        current.set(session.get());
        return Optional.empty();
    }

    private static boolean open(String path) {
        return path.equals("/sign-in") || path.equals("/operator/sign-in") || path.startsWith("/static/")
                || path.startsWith("/_static/") || path.startsWith("/q/") || path.equals("/favicon.ico");
    }
}
