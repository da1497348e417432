package io.openbss.console.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

/**
 * The session cookie: only a random id (the token stays on the server), HttpOnly, SameSite=Strict, and Secure when
 * the browser reached us over TLS (directly or through a proxy that says so in X-Forwarded-Proto).
 */
public final class SessionCookie {

    public static final String NAME = "bss_console";

    private SessionCookie() {
    }

    static String read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    public static String read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    public static NewCookie issue(String sessionId, UriInfo uri) {
        return builder(sessionId, uri).build();
    }

    public static NewCookie clear(UriInfo uri) {
        return builder("", uri).maxAge(0).build();
    }

    private static NewCookie.Builder builder(String value, UriInfo uri) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true)
                .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
