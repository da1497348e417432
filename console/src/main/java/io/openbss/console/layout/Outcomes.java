package io.openbss.console.layout;

import io.openbss.console.api.SignedOut;
import io.openbss.console.session.SessionCookie;
import io.openbss.console.session.Sessions;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a page shows when the platform cannot answer it: a token the API no longer accepts ends the session and sends
 * the browser to sign in again; an unreachable platform is a 503 page that says so, never a stack trace.
 */
public class Outcomes {

    private static final Logger LOG = Logger.getLogger(Outcomes.class);

    @Inject
    Sessions sessions;

    /** The session is forgotten (its token is dead), and the browser goes to the sign-in page of its kind. */
    @ServerExceptionMapper
    public Response signedOut(SignedOut e, UriInfo uri, HttpHeaders headers) {
        String id = SessionCookie.read(headers);
        if (id != null) {
            sessions.remove(id);
        }
        boolean operator = uri.getPath().startsWith("/operator/");
        return Response.seeOther(URI.create(operator ? "/operator/sign-in" : "/sign-in")).build();
    }

    @ServerExceptionMapper
    public Response unreachable(UncheckedIOException e) {
        LOG.warnf("the platform did not answer: %s", e.getMessage());
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>OpenBSS</title>"
                        + "<link rel=\"stylesheet\" href=\"/static/console.css\"></head><body><main>"
                        + "<p class=\"error\" role=\"alert\" id=\"error\">The platform is not answering; try again"
                        + " in a moment. 平台暂时无法访问，请稍后再试。</p><p><a href=\"/\">OpenBSS</a></p>"
                        + "</main></body></html>").build();
    }
}
