package io.openbss.gateway.tokens;

import io.openbss.common.error.BssException;
import io.openbss.common.input.JsonBodyCheck;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keystone v3 token request ({@code POST /v3/auth/tokens}): the {@code password} method with the user's name,
 * password and account (domain, by name or id), or {@code hw_ak_sk} on a request signed with the user's AK/SK; an
 * optional domain scope. Project scopes are refused: the BSS API is global. A body that names the password method is
 * a password login whether or not the request is also signed (the official IAM SDK signs every request it sends,
 * a password login too): the password authenticates it, not the signature.
 */
public record TokenRequest(List<String> methods, String userName, String password, String domainName,
        String domainId, String scopeDomainName, String scopeDomainId) {

    public static final String PASSWORD = "password";
    public static final String AK_SK = "hw_ak_sk";

    /**
     * Whether the body names the password method: such a request is a password login, signed or not. Anything that
     * cannot be read as a token request names no method. Asked before the caller is known: the body is checked
     * ({@link JsonBodyCheck}, which bounds what reading it costs) before it is read as a tree.
     */
    public static boolean namesPassword(Buffer body) {
        try {
            return body.length() > 0 && checked(body)
                    && new JsonObject(body).getValue("auth") instanceof JsonObject auth
                    && auth.getValue("identity") instanceof JsonObject identity
                    && identity.getValue("methods") instanceof JsonArray methods && methods.contains(PASSWORD);
        } catch (DecodeException | ClassCastException e) {
            return false;
        }
    }

    private static boolean checked(Buffer body) {
        try {
            JsonBodyCheck.check(body.getBytes());
            return true;
        } catch (BssException e) {
            return false;
        }
    }

    /**
     * Parses the body; {@code signed} says whether the request carried an AK/SK signature (which {@code hw_ak_sk}
     * needs, and which a password login may carry but does not need).
     */
    public static TokenRequest parse(Buffer body, boolean signed) {
        JsonObject json;
        try {
            json = body.length() == 0 ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw BssException.badParameter("body", "is not a JSON object");
        }
        JsonObject auth = object(json, "auth", "auth");
        JsonObject identity = object(auth, "identity", "auth.identity");
        List<String> methods = methods(identity);
        if (auth.getValue("scope") instanceof JsonObject scope && scope.containsKey("project")) {
            throw BssException.badParameter("auth.scope.project", "is not supported: ask for a domain-scoped token");
        }
        JsonObject scopeDomain = auth.getValue("scope") instanceof JsonObject scope
                && scope.getValue("domain") instanceof JsonObject domain ? domain : null;
        String scopeName = scopeDomain == null ? null : text(scopeDomain, "name", "auth.scope.domain.name", false);
        String scopeId = scopeDomain == null ? null : text(scopeDomain, "id", "auth.scope.domain.id", false);
        if (signed && !methods.contains(PASSWORD)) {
            if (!methods.contains(AK_SK)) {
                throw BssException.badParameter("auth.identity.methods",
                        "must be [\"hw_ak_sk\"] or [\"password\"] on a signed request");
            }
            return new TokenRequest(methods, null, null, null, null, scopeName, scopeId);
        }
        if (!methods.contains(PASSWORD)) {
            throw BssException.badParameter("auth.identity.methods",
                    "must be [\"password\"] (or [\"hw_ak_sk\"] on a request signed with an AK/SK)");
        }
        JsonObject user = object(object(identity, PASSWORD, "auth.identity.password"), "user",
                "auth.identity.password.user");
        String name = text(user, "name", "auth.identity.password.user.name", true);
        String password = text(user, "password", "auth.identity.password.user.password", true);
        JsonObject domain = object(user, "domain", "auth.identity.password.user.domain");
        String domainName = text(domain, "name", "auth.identity.password.user.domain.name", false);
        String domainId = text(domain, "id", "auth.identity.password.user.domain.id", false);
        if (domainName == null && domainId == null) {
            throw BssException.badParameter("auth.identity.password.user.domain.name", "is required");
        }
        return new TokenRequest(methods, name, password, domainName, domainId, scopeName, scopeId);
    }

    private static List<String> methods(JsonObject identity) {
        if (!(identity.getValue("methods") instanceof JsonArray array) || array.isEmpty() || array.size() > 2) {
            throw BssException.badParameter("auth.identity.methods", "must be a list of one method");
        }
        List<String> methods = new ArrayList<>();
        for (Object method : array) {
            if (!(method instanceof String text)) {
                throw BssException.badParameter("auth.identity.methods", "must be a list of strings");
            }
            methods.add(text);
        }
        return methods;
    }

    private static JsonObject object(JsonObject parent, String key, String path) {
        if (parent == null || !(parent.getValue(key) instanceof JsonObject child)) {
            throw BssException.badParameter(path, "is required (an object)");
        }
        return child;
    }

    private static String text(JsonObject parent, String key, String path, boolean required) {
        Object value = parent.getValue(key);
        if (value == null) {
            if (required) {
                throw BssException.badParameter(path, "is required");
            }
            return null;
        }
        if (!(value instanceof String text) || text.isEmpty() || text.length() > 128) {
            throw BssException.badParameter(path, "must be a string of 1 to 128 characters");
        }
        return text;
    }
}
