package io.openbss.e2e;

import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.core.http.HttpClient;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * An SDK credential that sends an {@code X-Auth-Token} instead of signing: SDK core 3.1.170 has none (only AK/SK,
 * STS and OIDC federation), and its {@link ICredential} interface is how a client core authenticates its requests.
 */
record TokenCredential(String token) implements ICredential {

    @Override
    public CompletableFuture<ICredential> processAuthParams(HcClient client, String regionId) {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<HttpRequest> processAuthRequest(HttpRequest request, HttpClient client) {
        return CompletableFuture.completedFuture(request.builder().addHeader("X-Auth-Token", token).build());
    }

    @Override
    public ICredential deepClone() {
        return this;
    }
}
