package io.openbss.gateway.input;

import io.openbss.common.error.BssException;
import io.openbss.common.input.JsonBodyCheck;
import io.openbss.common.input.QueryAndPathCheck;
import io.openbss.common.input.TextRule;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Locale;

/**
 * What the gateway refuses before a request reaches a service: a path that is not canonical, and input the services'
 * own rules refuse (bss-common's input package: text {@link TextRule} accepts, one well-formed JSON value with
 * unique keys), checked here as well, so that nothing the gateway itself reads (policies, the audit trail, replays)
 * sees such input either. Each refusal is 400 CBC.0100 naming the parameter.
 */
public final class InputGate {

    private InputGate() {
    }

    /**
     * Whether a raw request path is canonical: no {@code .} or {@code ..} segment and no encoded dot, slash or
     * backslash, which a service would resolve into another path than the one the gateway routed (and counted, and
     * authorized) by.
     */
    public static boolean isCanonicalPath(String rawPath) {
        if (rawPath.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c");
    }

    /** A request's path parameters (raw values, named by the operation's template), query, headers and body. */
    public static void check(List<String> pathNames, List<String> pathValues, String rawQuery,
            List<String> headerNames, List<String> headerValues, Buffer body) {
        for (int i = 0; i < pathNames.size() && i < pathValues.size(); i++) {
            QueryAndPathCheck.checkPathValue(pathNames.get(i), pathValues.get(i));
        }
        QueryAndPathCheck.checkQuery(rawQuery, true);
        for (int i = 0; i < headerNames.size(); i++) {
            String problem = headerValues.get(i) == null ? null : TextRule.problem(headerValues.get(i));
            if (problem != null) {
                throw BssException.badParameter(headerNames.get(i), problem);
            }
        }
        JsonBodyCheck.check(body.getBytes());
    }
}
