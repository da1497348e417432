package io.openbss.launcher;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An upstream account's credential as the admin API takes it ({@code PUT /admin/v1/domains/{id}/upstream-link}). The
 * secret key comes from the environment or a demo env file, never from a command line, and never appears in text.
 */
record UpstreamCredential(URI endpoint, String accessKey, String secretKey, String upstreamDomainId) {

    static final String ACCESS_KEY_VARIABLE = "BSS_UPSTREAM_AK";
    static final String SECRET_KEY_VARIABLE = "BSS_UPSTREAM_SK";
    static final String DOMAIN_ID_VARIABLE = "BSS_UPSTREAM_DOMAIN_ID";

    /** The names among {@code names} that {@code env} lacks or has blank. */
    static List<String> missing(Map<String, String> env, String... names) {
        return List.of(names).stream().filter(name -> env.get(name) == null || env.get(name).isBlank()).toList();
    }

    /** The request body; without an endpoint the gateway links to the public BSS. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (endpoint != null) {
            body.put("endpoint", endpoint.toString());
        }
        body.put("access_key", accessKey);
        body.put("secret_key", secretKey);
        body.put("upstream_domain_id", upstreamDomainId);
        return body;
    }

    /** Without the secret key, so that no message or log can carry it. */
    @Override
    public String toString() {
        return "UpstreamCredential[endpoint=" + endpoint + ", accessKey=" + accessKey + ", upstreamDomainId="
                + upstreamDomainId + "]";
    }
}
