package io.openbss.gateway.tokens;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.audit.AdminAudit;
import io.openbss.gateway.audit.AdminChange;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admin API: the X-Auth-Tokens issued (never the tokens themselves) and their revocation. */
@Path("/admin/v1/tokens")
public class TokenAdminResource {

    @Inject
    Pool pool;

    @Inject
    TokenStore tokens;

    @Inject
    AdminAudit audit;

    public record TokenView(String tokenId, String domainId,
            String userId, String userName,
            String method, String accessKey,
            Instant issuedAt, Instant expiresAt,
            boolean revoked) {
    }

    public record TokenList(List<TokenView> tokens) {
    }

    @GET
    @Operation(summary = "Tokens of an account (domain_id) or a user (user_id), newest first, at most 1000")
    public Uni<TokenList> list(@QueryParam("domain_id") String domainId, @QueryParam("user_id") String userId) {
        if ((domainId == null || domainId.isBlank()) && (userId == null || userId.isBlank())) {
            throw BssException.badParameter("domain_id", "or user_id is required");
        }
        return pool.preparedQuery("""
                        SELECT t.token_id, t.domain_id, t.user_id, u.name AS user_name, t.method, t.access_key,
                               t.issued_at, t.expires_at, t.revoked_at
                          FROM auth_token t JOIN iam_user u ON u.user_id = t.user_id
                         WHERE ($1::text IS NULL OR t.domain_id = $1) AND ($2::text IS NULL OR t.user_id = $2)
                         ORDER BY t.issued_at DESC LIMIT 1000""")
                .execute(Tuple.of(blankToNull(domainId), blankToNull(userId))).map(rows -> {
                    List<TokenView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(new TokenView(row.getString("token_id"), row.getString("domain_id"),
                            row.getString("user_id"), row.getString("user_name"), row.getString("method"),
                            row.getString("access_key"), row.getOffsetDateTime("issued_at").toInstant(),
                            row.getOffsetDateTime("expires_at").toInstant(), row.getValue("revoked_at") != null)));
                    return new TokenList(views);
                });
    }

    @DELETE
    @Path("/{token_id}")
    @Operation(summary = "Revoke a token: it stops working at once on this gateway, within the credential cache TTL "
            + "on the others")
    public Uni<Void> revoke(@PathParam("token_id") String tokenId, @Context HttpServerRequest http) {
        return audit.recorded(http, 204, tokens.revoke(tokenId).invoke(revoked -> {
            if (!revoked) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No live token " + tokenId);
            }
        }), revoked -> AdminChange.tokenRevoked(tokenId)).replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
