package io.openbss.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.HttpListener;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.core.exception.SdkException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The official SDK's client core ({@link HcClient}, which every generated {@code BssClient} method calls with its
 * {@code BssMeta} definition) for one credential and endpoint, calling any operation by its definition, and
 * keeping what the last answer was on the wire: its status and body, which the SDK's response models would trim to
 * the fields they know. Used by one thread at a time.
 */
final class WireSdkClient {

    static final ObjectMapper SDK_JSON = JsonUtils.getDefaultMapper();

    /** An answer as it came: the request's method and path, the HTTP status, the body (JSON, or empty), the request id. */
    record Answer(String method, String path, int status, String body, String requestId) {

        /** The body without its request ids ({@code request_id} at any depth): what two platforms can agree on. */
        JsonNode comparable() {
            if (body.isBlank()) {
                return SDK_JSON.nullNode();
            }
            try {
                JsonNode json = SDK_JSON.readTree(body);
                withoutRequestIds(json);
                return json;
            } catch (java.io.IOException e) {
                return SDK_JSON.getNodeFactory().textNode(body);
            }
        }

        String errorCode() {
            return comparable().path("error_code").asText(null);
        }

        private static void withoutRequestIds(JsonNode node) {
            if (node instanceof ObjectNode object) {
                object.remove("request_id");
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                withoutRequestIds(children.next());
            }
        }
    }

    private final HcClient client;
    private final AtomicReference<Answer> last = new AtomicReference<>();

    WireSdkClient(ICredential credential, String endpoint) {
        HttpConfig config = HttpConfig.getDefaultHttpConfig().withTimeout(60)
                .addHttpListener(HttpListener.forResponseListener(r -> last.set(new Answer(r.httpMethod(),
                        java.net.URI.create(r.uri()).getPath(), r.statusCode(), r.body().orElse(""),
                        r.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("X-Request-Id"))
                                .map(h -> h.getValue().getFirst()).findFirst().orElse(null)))));
        this.client = new HcClient(config).withCredential(credential).withEndpoints(List.of(endpoint));
    }

    /** A client signing with an AK/SK, as {@code BssClient.newBuilder().withCredential(...)} builds one. */
    static WireSdkClient signing(String accessKey, String secretKey, String domainId, String endpoint) {
        return new WireSdkClient(new GlobalCredentials().withAk(accessKey).withSk(secretKey).withDomainId(domainId),
                endpoint);
    }

    /** The underlying client core, for a generated client ({@code new BssClient(core())}). */
    HcClient core() {
        return client;
    }

    /**
     * Calls an operation with a request given by its wire names ({@code {"order_id": .., "X-Language": ..,
     * "body": {..}}}, read into the SDK's request model) and returns the answer as it came, refusals included.
     */
    Answer call(HttpRequestDef<?, ?> operation, JsonNode request) {
        last.set(null);
        SdkException failure = null;
        try {
            invoke(operation, SDK_JSON.convertValue(request, operation.getRequestType()));
        } catch (SdkException e) {
            failure = e;
        }
        Answer answer = last.get();
        if (answer == null) {
            throw new AssertionError(operation.getName() + " got no answer", failure);
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private <R, S> void invoke(HttpRequestDef<R, S> operation, Object request) {
        client.syncInvokeHttp((R) request, operation);
    }
}
