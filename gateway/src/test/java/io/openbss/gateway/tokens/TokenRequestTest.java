package io.openbss.gateway.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    static final String PASSWORD_LOGIN = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
            + "{\"name\":\"u\",\"password\":\"p\",\"domain\":{\"name\":\"d\"}}}}}}";

    @Test
    void aBodyNamesThePasswordMethodOrNot() {
        assertThat(TokenRequest.namesPassword(Buffer.buffer(PASSWORD_LOGIN))).isTrue();
        assertThat(TokenRequest.namesPassword(Buffer.buffer(PASSWORD_LOGIN.replace("\"password\"]", "\"hw_ak_sk\"]"))))
                .isFalse();
        assertThat(TokenRequest.namesPassword(Buffer.buffer("{\"auth\":"))).isFalse();
        assertThat(TokenRequest.namesPassword(Buffer.buffer(""))).isFalse();
    }

    /**
     * Asked before the caller is known: a 10 MB body of 2.6 million tiny values (read as a tree: well over 100 MB of
     * objects, enough to exhaust the gateway's heap) costs a few times its size, and names no method.
     */
    @Test
    void aBodyOfMillionsOfValuesIsNotReadAsATree() {
        Buffer body = Buffer.buffer("{\"auth\":{\"identity\":{\"methods\":[" + "\"a\",".repeat(2_600_000)
                + "\"password\"]}}}");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThat(TokenRequest.namesPassword(body)).isFalse();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for a body of %d", body.length()).isLessThan(4L * body.length());
    }
}
