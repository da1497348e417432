package io.openbss.gateway.input;

import io.openbss.common.error.BssException;
import io.openbss.common.input.JsonBodyCheck;
import io.openbss.common.input.QueryAndPathCheck;
import io.openbss.common.input.TextRule;
import io.vertx.core.buffer.Buffer;
import java.util.List;

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
        int segment = 0;
        for (int i = 0; i <= rawPath.length(); i++) {
            char c = i == rawPath.length() ? '/' : rawPath.charAt(i);
            if (c == '\\' || c == '%' && isEncodedDotOrSlash(rawPath, i)) {
                return false;
            }
            if (c == '/') {
                if (isDots(rawPath, segment, i)) {
                    return false;
                }
                segment = i + 1;
            }
        }
        return true;
    }

    /** {@code %2e}, {@code %2f} or {@code %5c} at {@code percent}, in either case. */
    private static boolean isEncodedDotOrSlash(String rawPath, int percent) {
        if (percent + 2 >= rawPath.length()) {
            return false;
        }
        char high = rawPath.charAt(percent + 1);
        int low = rawPath.charAt(percent + 2) | 0x20;
        return high == '2' && (low == 'e' || low == 'f') || high == '5' && low == 'c';
    }

    /** Whether the segment {@code [from, to)} is {@code .} or {@code ..}. */
    private static boolean isDots(String rawPath, int from, int to) {
        int length = to - from;
        return (length == 1 || length == 2) && rawPath.charAt(from) == '.' && rawPath.charAt(to - 1) == '.';
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
