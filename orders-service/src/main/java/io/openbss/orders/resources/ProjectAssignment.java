package io.openbss.orders.resources;

import static io.openbss.common.request.RequestParameters.isGiven;
import static io.openbss.common.request.RequestParameters.optionalText;

import io.openbss.common.error.BssException;
import io.vertx.mutiny.sqlclient.Row;
import java.util.Arrays;
import java.util.List;

/**
 * The project and enterprise project a cloud service placed a resource in when it ordered it; each may be absent.
 * An order line and its resource keep them in the columns {@code project_id}, {@code enterprise_project_id} and
 * {@code enterprise_project_name}.
 */
public record ProjectAssignment(String projectId, String enterpriseProjectId, String enterpriseProjectName) {

    /** EnterpriseProject of the SDK. */
    public record EnterpriseProject(String id, String name) {
    }

    /** As given in a request: empty texts are absent, as the API reads them everywhere. */
    public static ProjectAssignment of(String projectId, String enterpriseProjectId, String enterpriseProjectName) {
        return new ProjectAssignment(given(projectId), given(enterpriseProjectId), given(enterpriseProjectName));
    }

    public static ProjectAssignment of(Row row) {
        return new ProjectAssignment(row.getString("project_id"), row.getString("enterprise_project_id"),
                row.getString("enterprise_project_name"));
    }

    /**
     * Lengths as OrderInstanceV2 bounds them (an enterprise project's id and name up to 256); a name alone names no
     * enterprise project, since the id is what identifies one.
     */
    public void validate(String at) {
        optionalText(at + "project_id", projectId, 64);
        optionalText(at + "enterprise_project_id", enterpriseProjectId, 256);
        optionalText(at + "enterprise_project_name", enterpriseProjectName, 256);
        if (enterpriseProjectName != null && enterpriseProjectId == null) {
            throw BssException.badParameter(at + "enterprise_project_id", "is required with enterprise_project_name");
        }
    }

    /** Null without an enterprise project, so that a view leaves it out. */
    public EnterpriseProject enterpriseProject() {
        return enterpriseProjectId == null ? null : new EnterpriseProject(enterpriseProjectId, enterpriseProjectName);
    }

    /** The values of the three columns, in their order, for an insert. */
    public List<Object> columns() {
        return Arrays.asList(projectId, enterpriseProjectId, enterpriseProjectName);
    }

    private static String given(String value) {
        return isGiven(value) ? value : null;
    }
}
