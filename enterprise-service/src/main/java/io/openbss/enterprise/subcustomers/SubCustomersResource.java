package io.openbss.enterprise.subcustomers;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v2/enterprises/multi-accounts/sub-customers")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class SubCustomersResource {

    @Inject
    CurrentCaller caller;

    @Inject
    SubCustomerQueries queries;

    @Inject
    SubAccountCreation creation;

    /** ListEnterpriseSubCustomersResponse of the SDK. */
    public record SubCustomerList(long totalCount,
            List<SubCustomerInfo> subCustomerInfos) {
    }

    /** SubCustomerInfoV2 of the SDK. */
    public record SubCustomerInfo(String id, String name,
            String displayName, int status,
            String orgId, String orgName) {
    }

    @GET
    @Operation(operationId = "ListEnterpriseSubCustomers", summary = "The enterprise master's sub-accounts")
    public Uni<SubCustomerList> list(@QueryParam("sub_customer_account_name") String accountName,
            @QueryParam("sub_customer_display_name") String displayName, @QueryParam("fuzzy_query") String fuzzyQuery,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("org_id") String orgId, @Context UriInfo uri) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        SubCustomerSearch search = SubCustomerSearch.parse(
                RequestParameters.sentOrNull(uri, "sub_customer_account_name", accountName),
                RequestParameters.sentOrNull(uri, "sub_customer_display_name", displayName), fuzzyQuery, offset,
                limit, orgId);
        return queries.search(master.customerId(), search).map(page -> new SubCustomerList(page.total(),
                page.subCustomers().stream().map(s -> new SubCustomerInfo(s.subCustomerId, s.accountName,
                        s.displayName, s.status, s.orgId, s.orgId == null ? null : page.orgNames().get(s.orgId)))
                        .toList()));
    }

    @POST
    @Operation(operationId = "CreateSubEnterpriseAccount", summary = "Create a sub-account of the enterprise")
    public Uni<Map<String, Object>> create(NewSubAccountRequest request) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return creation.create(master.customerId(), request);
    }
}
