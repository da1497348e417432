package io.openbss.gateway.admin;

import io.openbss.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The admin credential, compared in constant time. */
@ApplicationScoped
public class AdminToken {

    @Inject
    GatewayConfig config;

    public boolean matches(String authorizationHeader) {
        return authorizationHeader != null && MessageDigest.isEqual(
                authorizationHeader.getBytes(StandardCharsets.UTF_8),
                ("Bearer " + config.adminToken()).getBytes(StandardCharsets.UTF_8));
    }
}
