package io.openbss.common.upstream;

import io.openbss.common.remote.ServiceAuthorization;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** The egress is the gateway's internal API: it takes this service's own token, for the audience {@code gateway}. */
@ApplicationScoped
@IfBuildProperty(name = UpstreamClient.ENABLED, stringValue = "true")
public class UpstreamAuthorization extends ServiceAuthorization {

    public UpstreamAuthorization() {
        super("gateway");
    }
}
