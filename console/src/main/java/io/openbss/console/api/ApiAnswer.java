package io.openbss.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One answer of the public or admin API: its HTTP status, JSON body (missing when empty) and request id. */
public record ApiAnswer(int status, JsonNode body, String requestId) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode get(String field) {
        return body == null ? MissingNode.getInstance() : body.path(field);
    }

    /** The API's error envelope as one line, e.g. {@code CBC.4004 The balance is insufficient}. */
    public String error() {
        if (ok()) {
            return null;
        }
        String code = get("error_code").asText("");
        String message = get("error_msg").asText("");
        return (code + " " + message).strip() + (code.isEmpty() && message.isEmpty() ? "HTTP " + status : "");
    }
}
