package io.openbss.gateway.upstream;

import io.openbss.common.error.BssError;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.audit.AdminAudit;
import io.openbss.gateway.audit.AdminChange;
import io.openbss.gateway.identity.Domain;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * The operator's API of upstream links: link a local account to an upstream account, rotate its key, unlink it.
 * The secret key goes in and is never given back; every change is audited (without it).
 */
@Path("/admin/v1")
public class UpstreamLinkResource {

    static final BssError NOT_LINKED = new BssError("CBC.0101", 404);
    private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Pattern SECRET_KEY = Pattern.compile("[\\x21-\\x7e]{1,256}");
    private static final Pattern DOMAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What an operator sends; {@code endpoint} defaults to the public BSS. */
    public record LinkRequest(String endpoint, String accessKey, String secretKey, String upstreamDomainId) {

        @Override
        public String toString() {
            return "LinkRequest[" + endpoint + ", " + accessKey + ", " + upstreamDomainId + "]";
        }
    }

    /** A link as the admin API shows it: everything but the secret key. */
    public record LinkView(String domainId, String endpoint, String accessKey, String upstreamDomainId,
            Instant createdAt, Instant updatedAt) {

        static LinkView of(UpstreamLink link) {
            return new LinkView(link.domainId(), link.endpoint().toString(), link.accessKey(),
                    link.upstreamDomainId(), link.createdAt(), link.updatedAt());
        }
    }

    public record LinkList(List<LinkView> links) {
    }

    @Inject
    UpstreamLinks links;

    @Inject
    AdminAudit audit;

    @Inject
    GatewayConfig config;

    @Inject
    Pool pool;

    @PUT
    @Path("/domains/{domain_id}/upstream-link")
    @Operation(summary = "Link an account to an upstream account, or change its link (rotate the key)")
    public Uni<LinkView> link(@PathParam("domain_id") String domainId, LinkRequest request,
            @Context HttpServerRequest http) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        URI endpoint = endpoint(request.endpoint() == null ? config.upstream().defaultEndpoint() : request.endpoint());
        String accessKey = required("access_key", request.accessKey(), ACCESS_KEY);
        String secretKey = required("secret_key", request.secretKey(), SECRET_KEY);
        String upstreamDomainId = required("upstream_domain_id", request.upstreamDomainId(), DOMAIN_ID);
        return Domain.find(pool, domainId).chain(domain -> {
            if (domain == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such account " + domainId);
            }
            return audit.recorded(http, 200,
                    links.save(domainId, endpoint, accessKey, secretKey, upstreamDomainId).map(LinkView::of),
                    link -> AdminChange.upstreamLinked(domainId, link.endpoint(), link.accessKey(),
                            link.upstreamDomainId()));
        });
    }

    @GET
    @Path("/domains/{domain_id}/upstream-link")
    @Operation(summary = "The account's upstream link, without its secret key")
    public Uni<LinkView> get(@PathParam("domain_id") String domainId) {
        return links.load(domainId).map(link -> link.map(LinkView::of)
                .orElseThrow(() -> new BssException(NOT_LINKED, "Account " + domainId + " is not linked")));
    }

    @DELETE
    @Path("/domains/{domain_id}/upstream-link")
    @ResponseStatus(204)
    @Operation(summary = "Unlink the account: its calls are served locally again")
    public Uni<Void> unlink(@PathParam("domain_id") String domainId, @Context HttpServerRequest http) {
        return links.load(domainId).chain(link -> {
            if (link.isEmpty()) {
                throw new BssException(NOT_LINKED, "Account " + domainId + " is not linked");
            }
            return audit.recorded(http, 204, links.delete(domainId).replaceWithVoid(),
                    nothing -> AdminChange.upstreamUnlinked(domainId));
        });
    }

    @GET
    @Path("/upstream-links")
    @Operation(summary = "Every upstream link, without secret keys")
    public Uni<LinkList> list() {
        return links.list().map(all -> new LinkList(all.stream().map(LinkView::of).toList()));
    }

    /** An absolute http(s) URL naming a host (and port) only: the operations' paths are the API's own. */
    static URI endpoint(String value) {
        String problem = "must be an http or https URL with a host and no path, query or user";
        if (value.length() > 256 || !value.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+/?")) {
            throw BssException.badParameter("endpoint", problem);
        }
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getHost() == null) {
                throw BssException.badParameter("endpoint", problem);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw BssException.badParameter("endpoint", problem);
        }
    }

    private static String required(String name, String value, Pattern rule) {
        if (value == null || value.isEmpty()) {
            throw BssException.badParameter(name, "is required");
        }
        if (!rule.matcher(value).matches()) {
            throw BssException.badParameter(name, "has a character or length it may not have");
        }
        return value;
    }
}
