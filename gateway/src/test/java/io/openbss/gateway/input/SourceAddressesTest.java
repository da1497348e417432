package io.openbss.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    private final SourceAddresses behindProxies = new SourceAddresses(List.of("10.1.0.0/16", "192.168.7.7",
            "fd00::/8"));
    private final SourceAddresses direct = new SourceAddresses(List.of());

    @Test
    void aClientNotBehindATrustedProxyIsItsConnectionWhateverItSends() {
        assertThat(direct.resolve("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("203.0.113.9", List.of("10.1.2.3, 1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertThat(behindProxies.resolve("10.1.0.5", List.of("198.51.100.20"))).isEqualTo("198.51.100.20");
        // The client wrote the first entry itself; the proxies appended what they saw.
        assertThat(behindProxies.resolve("10.1.0.5", List.of("6.6.6.6, 198.51.100.20, 192.168.7.7")))
                .isEqualTo("198.51.100.20");
        assertThat(behindProxies.resolve("10.1.0.5", List.of("6.6.6.6", "198.51.100.20, 10.1.9.9")))
                .isEqualTo("198.51.100.20");
        assertThat(behindProxies.resolve("fd12::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void aMalformedOrMissingChainStopsAtTheLastTrustedHop() {
        assertThat(behindProxies.resolve("10.1.0.5", List.of())).isEqualTo("10.1.0.5");
        assertThat(behindProxies.resolve("10.1.0.5", List.of("unknown, 192.168.7.7"))).isEqualTo("192.168.7.7");
        assertThat(behindProxies.resolve("10.1.0.5", List.of("example.com"))).isEqualTo("10.1.0.5");
    }

    @Test
    void aBadTrustedProxySettingIsRefusedAtStart() {
        assertThatThrownBy(() -> new SourceAddresses(List.of("proxy.local")))
                .hasMessageContaining("bss.gateway.trusted-proxies");
        assertThatThrownBy(() -> new SourceAddresses(List.of("10.0.0.0/33")))
                .hasMessageContaining("bss.gateway.trusted-proxies");
    }
}
