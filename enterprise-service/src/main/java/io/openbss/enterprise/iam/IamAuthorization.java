package io.openbss.enterprise.iam;

import io.openbss.common.remote.ServiceAuthorization;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IamAuthorization extends ServiceAuthorization {

    public IamAuthorization() {
        super("gateway");
    }
}
