package io.openbss.gateway.admin;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.operations.BssRole;
import io.openbss.gateway.audit.AdminAudit;
import io.openbss.gateway.audit.AdminChange;
import io.openbss.gateway.identity.CredentialStore;
import io.openbss.gateway.identity.PasswordHasher;
import io.openbss.gateway.identity.PasswordPolicy;
import io.openbss.gateway.policies.PolicyStore;
import io.openbss.gateway.policies.UserPolicy;
import io.openbss.gateway.tokens.TokenStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Admin API for IAM users: enable or disable, set a password (bcrypt), and grant policies (system roles, optionally
 * limited to cloud service types). Disabling a user or changing its password revokes its tokens.
 */
@Path("/admin/v1/users")
public class UserAdminResource {

    @Inject
    Pool pool;

    @Inject
    PasswordHasher hasher;

    @Inject
    PolicyStore policies;

    @Inject
    TokenStore tokens;

    @Inject
    CredentialStore credentials;

    @Inject
    AdminAudit audit;

    public record UserChange(Boolean enabled) {
    }

    public record NewPassword(String password) {
    }

    public record PolicyView(String role,
            List<String> cloudServiceTypes) {
    }

    public record Policies(String userId, String domainId,
            List<PolicyView> policies) {
    }

    public record UserState(String userId, String domainId,
            boolean enabled, int revokedTokens) {
    }

    @PUT
    @Path("/{user_id}")
    @Operation(summary = "Enable or disable a user (its access keys and tokens stop working when disabled)")
    public Uni<UserState> change(@PathParam("user_id") String userId, UserChange change,
            @Context HttpServerRequest http) {
        if (change == null || change.enabled() == null) {
            throw BssException.badParameter("enabled", "is required (true or false)");
        }
        return audit.recorded(http, 200, user(userId).chain(row -> pool.preparedQuery(
                                "UPDATE iam_user SET enabled = $2 WHERE user_id = $1")
                        .execute(Tuple.of(userId, change.enabled()))
                        .chain(() -> change.enabled() ? Uni.createFrom().item(0) : tokens.revokeAllOf(userId))
                        .invoke(() -> credentials.invalidateAll())
                        .map(revoked -> new UserState(userId, row.getString("domain_id"), change.enabled(), revoked))),
                state -> AdminChange.userEnabled(state.domainId(), userId, state.enabled()));
    }

    @PUT
    @Path("/{user_id}/password")
    @Operation(summary = "Set a user's password (Huawei Cloud's password rules); revokes the user's tokens")
    public Uni<UserState> setPassword(@PathParam("user_id") String userId, NewPassword request,
            @Context HttpServerRequest http) {
        if (request == null || request.password() == null) {
            throw BssException.badParameter("password", "is required");
        }
        return audit.recorded(http, 200, user(userId).chain(row -> {
            PasswordPolicy.check(request.password(), row.getString("domain_name"));
            // bcrypt is slow on purpose: not on the event loop
            return Uni.createFrom().item(() -> hasher.hash(request.password()))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(hash -> pool.preparedQuery("UPDATE iam_user SET password_hash = $2 WHERE user_id = $1")
                            .execute(Tuple.of(userId, hash)))
                    .chain(() -> tokens.revokeAllOf(userId))
                    .map(revoked -> new UserState(userId, row.getString("domain_id"), row.getBoolean("enabled"),
                            revoked));
        }), state -> AdminChange.passwordSet(state.domainId(), userId));
    }

    @GET
    @Path("/{user_id}/policies")
    @Operation(summary = "A user's policies")
    public Uni<Policies> policies(@PathParam("user_id") String userId) {
        return user(userId).chain(row -> Uni.createFrom().completionStage(policies.ofUser(userId))
                .map(granted -> view(userId, row.getString("domain_id"), granted)));
    }

    @PUT
    @Path("/{user_id}/policies")
    @Operation(summary = "Replace a user's policies: roles bss_admin, bss_finance, bss_operator, bss_readonly, each "
            + "optionally limited to cloud_service_types (billing:cloudServiceType)")
    public Uni<Policies> replacePolicies(@PathParam("user_id") String userId, Policies request,
            @Context HttpServerRequest http) {
        List<UserPolicy> granted = parse(request);
        return audit.recorded(http, 200, user(userId).chain(row -> {
            if (row.getBoolean("root")) {
                throw new BssException(ErrorCode.INVALID_PARAMETER,
                        "The account's own user may do everything: policies are for IAM users");
            }
            return policies.replace(userId, granted).map(saved -> view(userId, row.getString("domain_id"), saved));
        }), saved -> AdminChange.policiesSet(saved.domainId(), userId, String.join(" ",
                saved.policies().stream().map(PolicyView::role).toList())));
    }

    private static List<UserPolicy> parse(Policies request) {
        if (request == null || request.policies() == null) {
            throw BssException.badParameter("policies", "is required (a list, empty for none)");
        }
        List<UserPolicy> granted = new ArrayList<>();
        Set<BssRole> seen = new LinkedHashSet<>();
        for (PolicyView policy : request.policies()) {
            BssRole role = BssRole.fromWireName(policy == null ? null : policy.role()).orElseThrow(() ->
                    BssException.badParameter("policies.role", "must be one of bss_admin, bss_finance, "
                            + "bss_operator, bss_readonly"));
            if (!seen.add(role)) {
                throw BssException.badParameter("policies.role", "lists " + role.wireName() + " twice");
            }
            List<String> types = policy.cloudServiceTypes();
            if (types != null && (types.isEmpty() || types.size() > 50 || types.stream().anyMatch(t -> t == null
                    || !t.matches("[a-z0-9.\\-]{1,64}")))) {
                throw BssException.badParameter("policies.cloud_service_types",
                        "must be 1 to 50 service type codes such as hws.service.type.ec2");
            }
            granted.add(new UserPolicy(role, types == null ? null : new LinkedHashSet<>(types)));
        }
        return granted;
    }

    private static Policies view(String userId, String domainId, List<UserPolicy> granted) {
        return new Policies(userId, domainId, granted.stream().map(p -> new PolicyView(p.role().wireName(),
                p.cloudServiceTypes() == null ? null : List.copyOf(p.cloudServiceTypes()))).toList());
    }

    private Uni<Row> user(String userId) {
        return pool.preparedQuery("""
                        SELECT u.user_id, u.root, u.enabled, u.domain_id, d.name AS domain_name
                          FROM iam_user u JOIN domain d ON d.domain_id = u.domain_id WHERE u.user_id = $1""")
                .execute(Tuple.of(userId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "No user " + userId);
                    }
                    return rows.iterator().next();
                });
    }
}
