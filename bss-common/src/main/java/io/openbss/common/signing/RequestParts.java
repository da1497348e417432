package io.openbss.common.signing;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A request held in memory: what clients sign and what tests verify. Header names are case-insensitive. */
public record RequestParts(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body)
        implements SignableRequest {

    public RequestParts {
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = lower;
        body = body == null ? new byte[0] : body;
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
