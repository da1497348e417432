package io.openbss.gateway.tokens;

import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.policies.BssRole;
import io.openbss.gateway.policies.PolicyStore;
import io.openbss.gateway.policies.UserPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v3/auth/tokens} as IAM answers it: 201, the token in {@code X-Subject-Token}, and a Keystone body
 * with the methods, issue and expiry times, user, domain and roles (an account's own user holds {@code te_admin},
 * an IAM user its policies' roles).
 */
@ApplicationScoped
public class KeystoneTokens {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** An issued token and the body that announces it. */
    public record Issued(String token, JsonObject body) {
    }

    @Inject
    TokenStore tokens;

    @Inject
    PolicyStore policies;

    public CompletionStage<Issued> issue(Credential holder, TokenRequest request) {
        if ((request.scopeDomainName() != null && !request.scopeDomainName().equals(holder.domainName()))
                || (request.scopeDomainId() != null && !request.scopeDomainId().equals(holder.domainId()))) {
            return CompletableFuture.failedFuture(new ApigException(401, "APIG.0301",
                    "Incorrect IAM authentication information: the scope is not the user's account"));
        }
        String method = holder.accessKey() != null ? TokenRequest.AK_SK : TokenRequest.PASSWORD;
        CompletionStage<List<String>> roles = holder.rootUser() ? CompletableFuture.completedFuture(List.of("te_admin"))
                : policies.ofUser(holder.userId()).thenApply(granted -> granted.stream().map(UserPolicy::role)
                        .map(BssRole::wireName).toList());
        return roles.thenCompose(names -> tokens.issue(holder, method).subscribeAsCompletionStage()
                .thenApply(issued -> new Issued(issued.token(), body(issued.stored(), names))));
    }

    private static JsonObject body(TokenStore.StoredToken token, List<String> roles) {
        Credential holder = token.holder();
        JsonObject domain = new JsonObject().put("id", holder.domainId()).put("name", holder.domainName());
        JsonArray roleList = new JsonArray();
        roles.forEach(role -> roleList.add(new JsonObject().put("id", role).put("name", role)));
        return new JsonObject().put("token", new JsonObject()
                .put("methods", new JsonArray().add(token.method()))
                .put("issued_at", time(token.issuedAt()))
                .put("expires_at", time(token.expiresAt()))
                .put("user", new JsonObject().put("id", holder.userId()).put("name", holder.userName())
                        .put("domain", domain.copy()).put("password_expires_at", ""))
                .put("domain", domain)
                .put("roles", roleList)
                .put("catalog", new JsonArray()));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
