package io.openbss.console.api;

/** The API no longer accepts the session's token (expired, revoked, or the user disabled): sign in again. */
public class SignedOut extends RuntimeException {

    public SignedOut() {
        super("the API refused the session's token", null, false, false);
    }
}
