package io.openbss.common.input;

import io.openbss.common.error.BssException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every query parameter, name and value, and every path parameter must be UTF-8 text that {@link TextRule} accepts:
 * otherwise 400 naming it, before any resource runs. The raw URI is decoded again because the framework's decoding
 * hides bytes that are not UTF-8 behind U+FFFD.
 */
public class QueryAndPathCheck {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, HttpServerRequest http) {
        checkQuery(http.query());
        checkPath(http.path(), request.getUriInfo().getPathParameters());
    }

    /** Every name and value of a raw query string. */
    public static void checkQuery(String rawQuery) {
        checkQuery(rawQuery, false);
    }

    /**
     * Every name and value of a raw query string, and with {@code eachNameOnce} no name given twice, however it is
     * spelled: the gateway's rule for the public API, none of whose operations takes a list in its query, so that a
     * second value is refused rather than silently ignored by the service and counted, signed and audited as sent.
     */
    public static void checkQuery(String rawQuery, boolean eachNameOnce) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        Set<String> names = eachNameOnce ? new HashSet<>() : null;
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = PercentDecoding.decode(rawName, true);
            if (name.isEmpty()) {
                throw BssException.badParameter(rawName, "its name is not valid UTF-8");
            }
            if (TextRule.problem(name.get()) != null) {
                throw BssException.badParameter(TextRule.quoted(name.get()), "its name "
                        + TextRule.problem(name.get()));
            }
            if (names != null && !pair.isEmpty() && !names.add(name.get())) {
                throw BssException.badParameter(name.get(), "must be given at most once");
            }
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String value = PercentDecoding.decode(rawValue, true).orElseThrow(
                    () -> BssException.badParameter(name.get(), "is not valid UTF-8"));
            String problem = TextRule.problem(value);
            if (problem != null) {
                throw BssException.badParameter(name.get(), problem);
            }
        }
    }

    /** One path parameter's raw (percent-encoded) value, as the gateway routes it. */
    public static void checkPathValue(String name, String rawValue) {
        String value = PercentDecoding.decode(rawValue, false).orElseThrow(
                () -> BssException.badParameter(name, "is not valid UTF-8"));
        String problem = TextRule.problem(value);
        if (problem != null) {
            throw BssException.badParameter(name, problem);
        }
    }

    static void checkPath(String rawPath, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = TextRule.problem(value);
                if (problem != null) {
                    throw BssException.badParameter(parameter.getKey(), problem);
                }
            }
        }
        for (String segment : rawPath.split("/")) {
            if (PercentDecoding.decode(segment, false).isEmpty()) {
                // the framework decoded the segment's bad bytes to U+FFFD: that names the parameter they belong to
                String name = parameters.entrySet().stream()
                        .filter(p -> p.getValue().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0))
                        .map(Map.Entry::getKey).findFirst().orElse("path");
                throw BssException.badParameter(name, "is not valid UTF-8");
            }
        }
    }
}
