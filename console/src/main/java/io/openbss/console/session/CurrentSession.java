package io.openbss.console.session;

import jakarta.enterprise.context.RequestScoped;

/** The session of the request being served, set by {@link SessionFilter}. */
@RequestScoped
public class CurrentSession {

    private Session session;

    void set(Session session) {
        this.session = session;
    }

    public Session get() {
        if (session == null) {
            throw new IllegalStateException("no session on this request");
        }
        return session;
    }
}
