package io.openbss.gateway.admin;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.audit.AdminAudit;
import io.openbss.gateway.audit.AdminChange;
import io.openbss.gateway.identity.AccessKey;
import io.openbss.gateway.identity.Domain;
import io.openbss.gateway.identity.IamUser;
import io.openbss.gateway.identity.ReportedContact;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Admin API: accounts (domains), IAM users, AK/SK pairs and reported contacts. Every change is audited. */
@Path("/admin/v1")
public class IdentityAdminResource {

    @Inject
    IdentityAdminService identities;

    @Inject
    AdminAudit audit;

    @Inject
    Pool pool;

    @POST
    @Path("/domains")
    @ResponseStatus(201)
    @Operation(summary = "Create an account and its root user")
    public Uni<AdminViews.DomainView> createDomain(AdminViews.NewDomain request,
            @Context HttpServerRequest http) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return audit.recorded(http, 201, identities.createDomain(request).map(AdminViews.DomainView::of),
                domain -> AdminChange.domainCreated(domain.domainId(), domain.name()));
    }

    @GET
    @Path("/domains")
    @Operation(summary = "List accounts, or find one by name")
    public Uni<AdminViews.DomainList> listDomains(@QueryParam("name") String name) {
        return Domain.list(pool, name)
                .map(list -> new AdminViews.DomainList(list.stream().map(AdminViews.DomainView::of).toList()));
    }

    @GET
    @Path("/domains/{domain_id}")
    public Uni<AdminViews.DomainView> getDomain(@PathParam("domain_id") String domainId) {
        return Domain.find(pool, domainId).map(domain -> {
            if (domain == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such account " + domainId);
            }
            return AdminViews.DomainView.of(domain);
        });
    }

    @POST
    @Path("/domains/{domain_id}/users")
    @ResponseStatus(201)
    @Operation(summary = "Create an IAM user under an account")
    public Uni<AdminViews.UserView> createUser(@PathParam("domain_id") String domainId, AdminViews.NewUser request,
            @Context HttpServerRequest http) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return audit.recorded(http, 201, identities.createUser(domainId, request).map(AdminViews.UserView::of),
                user -> AdminChange.userCreated(user.domainId(), user.userId(), user.name()));
    }

    @GET
    @Path("/domains/{domain_id}/users")
    public Uni<AdminViews.UserList> listUsers(@PathParam("domain_id") String domainId) {
        return IamUser.listOf(pool, domainId)
                .map(users -> new AdminViews.UserList(users.stream().map(AdminViews.UserView::of).toList()));
    }

    @POST
    @Path("/domains/{domain_id}/access-keys")
    @ResponseStatus(201)
    @Operation(summary = "Create an AK/SK pair for a user (the root user by default); the secret is shown only here")
    public Uni<AdminViews.CreatedAccessKey> createAccessKey(@PathParam("domain_id") String domainId,
            AdminViews.NewAccessKey request, @Context HttpServerRequest http) {
        return audit.recorded(http, 201, identities.createAccessKey(domainId, request),
                key -> AdminChange.accessKeyCreated(key.domainId(), key.userId(), key.accessKey()));
    }

    @GET
    @Path("/domains/{domain_id}/access-keys")
    public Uni<AdminViews.AccessKeyList> listAccessKeys(@PathParam("domain_id") String domainId) {
        return AccessKey.listOf(pool, domainId)
                .map(keys -> new AdminViews.AccessKeyList(keys.stream().map(AdminViews.AccessKeyView::of).toList()));
    }

    @POST
    @Path("/access-keys/{access_key}/rotation")
    @ResponseStatus(201)
    @Operation(summary = "Rotate an AK/SK pair: a new pair for the same user (the secret is shown only here); the old "
            + "one is disabled")
    public Uni<AdminViews.CreatedAccessKey> rotateAccessKey(@PathParam("access_key") String accessKey,
            @Context HttpServerRequest http) {
        return audit.recorded(http, 201, identities.rotateAccessKey(accessKey),
                key -> AdminChange.accessKeyRotated(key.domainId(), key.userId(), key.accessKey(), accessKey));
    }

    @PUT
    @Path("/access-keys/{access_key}")
    @Operation(summary = "Enable or disable an access key")
    public Uni<AdminViews.AccessKeyView> setAccessKeyStatus(@PathParam("access_key") String accessKey,
            AdminViews.AccessKeyStatus request, @Context HttpServerRequest http) {
        return audit.recorded(http, 200,
                identities.setAccessKeyStatus(accessKey, request).map(AdminViews.AccessKeyView::of),
                key -> AdminChange.accessKeyStatusSet(key.domainId(), key.userId(), key.accessKey(), key.status()));
    }

    @PUT
    @Path("/reported-contacts/{contact}")
    @Operation(summary = "Report a contact (a mobile phone): no new account may be bound to it (CBC.99000051)")
    public Uni<AdminViews.ReportedContactView> reportContact(@PathParam("contact") String contact,
            AdminViews.ContactReport request, @Context HttpServerRequest http) {
        return audit.recorded(http, 200,
                identities.reportContact(contact, request).map(AdminViews.ReportedContactView::of),
                reported -> AdminChange.contactReported(reported.contact()));
    }

    @DELETE
    @Path("/reported-contacts/{contact}")
    @Operation(summary = "Withdraw the report of a contact")
    public Uni<Void> withdrawReport(@PathParam("contact") String contact, @Context HttpServerRequest http) {
        return audit.recorded(http, 204, identities.withdrawReport(contact),
                withdrawn -> AdminChange.contactReportWithdrawn(contact));
    }

    @GET
    @Path("/reported-contacts")
    public Uni<AdminViews.ReportedContactList> listReportedContacts() {
        return ReportedContact.list(pool).map(list ->
                new AdminViews.ReportedContactList(list.stream().map(AdminViews.ReportedContactView::of).toList()));
    }
}
