package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The gateway's upstream links through its admin API: which local account calls which upstream account. */
final class UpstreamLinks {

    private final AdminClient admin;

    UpstreamLinks(AdminClient admin) {
        this.admin = admin;
    }

    /** Creates the link or rotates its credential; the answer is the link's view, which never holds the secret. */
    JsonNode link(String domainId, UpstreamCredential credential) {
        return admin.expect("PUT", path(domainId), credential.body());
    }

    /** Removes the link; false when there was none. */
    boolean unlink(String domainId) {
        AdminClient.Answer answer = admin.send("DELETE", path(domainId), null);
        if (answer.status() == 404) {
            return false;
        }
        if (!answer.ok()) {
            throw new LauncherException("DELETE " + path(domainId) + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return true;
    }

    List<JsonNode> all() {
        List<JsonNode> links = new ArrayList<>();
        admin.expect("GET", "/admin/v1/upstream-links", null).path("links").forEach(links::add);
        return links;
    }

    /**
     * The domain id of an account given by name (a demo account's, or any other's) or by domain id, as the admin API
     * knows it.
     */
    String domainId(String account) {
        JsonNode found = admin.expect("GET", "/admin/v1/domains?name=" + URLEncoder.encode(account,
                StandardCharsets.UTF_8), null).path("domains");
        return found.size() > 0 ? found.get(0).path("domain_id").asText() : account;
    }

    private static String path(String domainId) {
        return "/admin/v1/domains/" + URLEncoder.encode(domainId, StandardCharsets.UTF_8) + "/upstream-link";
    }
}
