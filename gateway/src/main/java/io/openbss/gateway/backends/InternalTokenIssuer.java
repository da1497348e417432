package io.openbss.gateway.backends;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.identity.ServiceTokens;
import io.openbss.gateway.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;

/**
 * Signs the internal identity tokens the gateway sends to services. A token is reused for a caller and service for
 * most of its lifespan, so that signing (about a millisecond of RSA) is rare on the request path.
 */
@Singleton
public class InternalTokenIssuer {

    private record Key(CallerIdentity caller, String audience) {
    }

    private final PrivateKey privateKey;
    private final Duration lifespan;
    private final Clock clock;
    private final Cache<Key, String> tokens;

    @Inject
    public InternalTokenIssuer(GatewayConfig config, Clock clock) {
        GatewayConfig.InternalTokenConfig token = config.internalToken();
        this.privateKey = ServiceTokens.privateKey(token.privateKey(), token.privateKeyLocation(),
                "bss.gateway.internal-token.private-key-location");
        this.lifespan = config.internalToken().lifespan();
        this.clock = clock;
        this.tokens = Caffeine.newBuilder().expireAfterWrite(lifespan.multipliedBy(4).dividedBy(5))
                .maximumSize(100_000).build();
    }

    /** A token naming {@code caller}, for the service that the operation table calls {@code service}. */
    public String tokenFor(CallerIdentity caller, String service) {
        String audience = service + "-service";
        return tokens.get(new Key(caller, audience),
                key -> InternalToken.issue(caller, audience, lifespan, privateKey, clock.instant()));
    }
}
