package io.openbss.common.signing;

import io.openbss.common.hash.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs a request the way the Huawei Cloud SDK does: every header it sends except {@code Content-Type} and names
 * with {@code _}, plus {@code host} and {@code x-sdk-date}. Used by the CLI, the benchmarks and the tests.
 */
public final class SdkSigner {

    private final String accessKey;
    private final String secretKey;

    public SdkSigner(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * @param headers the headers the request will carry (Host included); must not yet contain X-Sdk-Date
     * @return the headers to add: {@code X-Sdk-Date} and {@code Authorization}
     */
    public Map<String, String> sign(String method, String rawPath, String rawQuery, Map<String, String> headers,
            byte[] body, Instant now) {
        String date = SdkSignature.formatDate(now);
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.contains("_")) {
                signed.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
        signed.put("x-sdk-date", date);
        if (!signed.containsKey("host")) {
            throw new IllegalArgumentException("the Host header must be signed");
        }
        List<String> names = new ArrayList<>(signed.keySet());
        RequestParts request = new RequestParts(method, rawPath, rawQuery, signed, body);
        String canonical = CanonicalRequest.of(request, names, Sha256.hex(body));
        String signature = SdkSignature.compute(canonical, date, secretKey);
        return Map.of(SdkSignature.DATE_HEADER, date, "Authorization",
                new AuthorizationHeader(accessKey, names, signature).format());
    }
}
