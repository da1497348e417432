package io.openbss.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

/** Where a request came from: the one place that decides it, so that a trusted-proxy resolver can take over here. */
@ApplicationScoped
public class SourceAddresses {

    /** The address of the connection's peer; null when the transport has none (a Unix domain socket). */
    public String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
