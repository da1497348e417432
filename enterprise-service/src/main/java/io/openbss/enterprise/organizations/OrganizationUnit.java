package io.openbss.enterprise.organizations;

import io.openbss.common.request.RequestParameters;

/** An organization unit as an operator creates or renames it; without a parent it is the enterprise's root. */
public record OrganizationUnit(String name, String parentId) {

    public void validate() {
        RequestParameters.requiredText("name", name, 128);
        if (parentId != null) {
            Organization.checkId("parent_id", parentId);
        }
    }
}
