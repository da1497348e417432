package io.openbss.gateway.tokens;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.operations.BssRole;
import io.openbss.common.operations.RoleGrants;
import io.openbss.gateway.Futures;
import io.openbss.gateway.errors.AccountError;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.policies.PolicyStore;
import io.openbss.gateway.policies.UserPolicy;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /v3/auth/tokens} as IAM answers it. {@code POST}: 201, the token in {@code X-Subject-Token}, and a Keystone
 * body with the methods, issue and expiry times, user, domain and roles (an account's own user holds
 * {@code te_admin}, an IAM user its policies' roles). {@code DELETE}: the token named in {@code X-Subject-Token}
 * revoked at once, when it is the caller's user's own.
 */
@ApplicationScoped
public class KeystoneTokens {

    /** The operation table's name of {@code POST /v3/auth/tokens}. */
    public static final String CREATE_TOKEN = "KeystoneCreateToken";
    /** The operation table's name of {@code DELETE /v3/auth/tokens}. */
    public static final String REVOKE_TOKEN = "KeystoneRevokeToken";
    /** The header that carries the token issued, and the token to revoke. */
    public static final String SUBJECT_TOKEN = "X-Subject-Token";
    /** Longer than any token issued here (as {@code TokenAuthenticator} reads X-Auth-Token). */
    private static final int MAX_TOKEN_LENGTH = 1024;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** An issued token and the body that announces it. */
    public record Issued(String token, JsonObject body) {
    }

    @Inject
    TokenStore tokens;

    @Inject
    PolicyStore policies;

    @Inject
    Clock clock;

    /**
     * Whether a call is a token request whose body names the password method, signed or not (the official IAM SDK
     * signs its password logins with whatever key the client was built with): the password authenticates it and
     * names the user, and the signature, even a bad one, is not checked. An unsigned token request is one too,
     * whatever its body names, so that its errors are the password login's.
     */
    public static boolean isPasswordLogin(String operation, String authorization, Buffer body) {
        return operation.equals(CREATE_TOKEN)
                && (authorization == null || authorization.isEmpty() || TokenRequest.namesPassword(body));
    }

    /**
     * Issues a token to {@code holder} for the token request in {@code body}; {@code signed} says whether the
     * request was authenticated by its AK/SK signature (not by a password). Fails with 400 CBC.0100 for a bad request,
     * 401 APIG.0301 for a scope that is not the holder's account.
     */
    public Future<Issued> issue(Credential holder, Buffer body, boolean signed) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(body, signed);
        } catch (BssException e) {
            return Future.failedFuture(e);
        }
        if ((request.scopeDomainName() != null && !request.scopeDomainName().equals(holder.domainName()))
                || (request.scopeDomainId() != null && !request.scopeDomainId().equals(holder.domainId()))) {
            return Future.failedFuture(new ApigException(401, "APIG.0301",
                    "Incorrect IAM authentication information: the scope is not the user's account"));
        }
        String method = holder.accessKey() != null ? TokenRequest.AK_SK : TokenRequest.PASSWORD;
        Future<List<String>> roles = holder.rootUser() ? Future.succeededFuture(List.of(RoleGrants.ACCOUNT_ROLE))
                : Futures.onCaller(policies.ofUser(holder.userId())).map(granted -> granted.stream()
                        .map(UserPolicy::role).map(BssRole::wireName).toList());
        return roles.compose(names -> Futures.onCaller(tokens.issue(holder, method))
                .map(issued -> new Issued(issued.token(), body(issued.stored(), names))));
    }

    /**
     * Revokes {@code subjectToken} for {@code caller}, through the store (which tells the other replicas). Fails with
     * 400 CBC.0100 when no token is named, 404 CBC.0100 when it names no live token (unknown, expired or already
     * revoked, as Keystone answers), 403 CBC.0150 when the token is another user's: a caller revokes only its own
     * user's tokens (IAM lets a Security Administrator revoke others', a role this gateway does not have).
     */
    public Future<Void> revoke(Credential caller, String subjectToken) {
        if (subjectToken == null || subjectToken.isEmpty()) {
            return Future.failedFuture(BssException.badParameter(SUBJECT_TOKEN, "is required: the token to revoke"));
        }
        if (subjectToken.length() > MAX_TOKEN_LENGTH) {
            return Future.failedFuture(noSuchToken());
        }
        return Futures.onCaller(tokens.find(subjectToken)).compose(found -> {
            TokenStore.StoredToken subject = found.filter(t -> t.liveAt(clock.instant()))
                    .orElseThrow(KeystoneTokens::noSuchToken);
            if (!subject.holder().userId().equals(caller.userId())) {
                throw new BssException(ErrorCode.FOREIGN_OBJECT,
                        "Illegal operation: the X-Subject-Token belongs to another user");
            }
            return Futures.onCaller(tokens.revoke(subject.tokenId())).map(revoked -> {
                if (!revoked) {
                    throw noSuchToken(); // revoked meanwhile, by another call
                }
                return null;
            });
        });
    }

    private static BssException noSuchToken() {
        return new BssException(AccountError.NO_SUCH_TOKEN, "Could not find token: the X-Subject-Token names no "
                + "live token");
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
