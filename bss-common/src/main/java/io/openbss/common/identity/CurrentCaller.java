package io.openbss.common.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The verified caller of the current request, read once from its internal token. */
@RequestScoped
public class CurrentCaller {

    @Inject
    JsonWebToken token;

    private CallerIdentity identity;

    public CallerIdentity get() {
        if (identity == null) {
            identity = InternalToken.read(token);
        }
        return identity;
    }
}
