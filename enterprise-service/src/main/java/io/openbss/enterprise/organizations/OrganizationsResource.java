package io.openbss.enterprise.organizations;

import static io.openbss.common.request.RequestParameters.optionalInt;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The enterprise master's organization tree, from its root or from one unit, one level or all of them. */
@Path("/v2/enterprises/multi-accounts/enterprise-organizations")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class OrganizationsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Pool pool;

    /** ListEnterpriseOrganizationsResponse of the SDK; the root is named only when the query starts there. */
    public record Organizations(String rootId, String rootName,
            List<Node> childNodes) {
    }

    /** EmChildNodeV2 of the SDK; {@code child_nodes} only in a recursive query. */
    public record Node(String relationId, String id,
            String name, List<Node> childNodes) {
    }

    @GET
    @Operation(operationId = "ListEnterpriseOrganizations", summary = "The enterprise's organization units")
    public Uni<Organizations> list(@QueryParam("recursive_query") String recursiveQuery,
            @QueryParam("parent_id") String parentId) {
        CallerIdentity master = caller.get();
        master.requireEnterpriseMaster();
        boolean recursive = optionalInt("recursive_query", recursiveQuery, 0, 1, 0) == 1;
        String start = parentId == null || parentId.isEmpty() ? null : Organization.checkId("parent_id", parentId);
        return pool.preparedQuery("SELECT * FROM organization WHERE master_customer_id = $1")
                .execute(Tuple.of(master.customerId())).map(rows -> {
                    List<Organization> units = new ArrayList<>();
                    rows.forEach(row -> units.add(Organization.of(row)));
                    return tree(units, start, recursive);
                });
    }

    private static Organizations tree(List<Organization> units, String start, boolean recursive) {
        Map<String, List<Organization>> children = units.stream().filter(u -> u.parentId() != null)
                .sorted(Comparator.comparing(Organization::createdAt).thenComparing(Organization::orgId))
                .collect(Collectors.groupingBy(Organization::parentId));
        if (start != null) {
            if (units.stream().noneMatch(u -> u.orgId().equals(start))) {
                throw new BssException(ErrorCode.INVALID_PARAMETER,
                        "parent_id " + start + " is not a unit of this enterprise");
            }
            return new Organizations(null, null, nodes(start, children, recursive));
        }
        return units.stream().filter(u -> u.parentId() == null).findFirst()
                .map(root -> new Organizations(root.orgId(), root.name(), nodes(root.orgId(), children, recursive)))
                .orElse(new Organizations(null, null, List.of()));
    }

    private static List<Node> nodes(String parentId, Map<String, List<Organization>> children, boolean recursive) {
        return children.getOrDefault(parentId, List.of()).stream().map(unit -> new Node(unit.relationId(),
                unit.orgId(), unit.name(), recursive ? nodes(unit.orgId(), children, true) : null)).toList();
    }
}
