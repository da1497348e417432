package io.openbss.gateway.input;

import io.netty.util.NetUtil;
import io.openbss.gateway.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Where a request came from, for rate limits and the audit trail: the connection's address, unless that is one of
 * the configured trusted proxies; then the nearest address in {@code X-Forwarded-For} that is not a trusted proxy
 * (entries left of it could be written by anyone). A client that is not behind a trusted proxy cannot choose its
 * address by sending the header.
 */
@Singleton
public class SourceAddresses {

    private final List<AddressRange> trusted;

    @Inject
    public SourceAddresses(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    SourceAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(AddressRange::parse).toList();
    }

    /** The client's address; null when the transport has none (a Unix domain socket). */
    public String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String peer = remote == null ? null : remote.hostAddress();
        return peer == null ? null : resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The client behind {@code peer}, given the X-Forwarded-For header lines the request carried. */
    String resolve(String peer, List<String> forwardedFor) {
        String client = peer;
        if (!isTrusted(peer)) {
            return client;
        }
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String[] hops = forwardedFor.get(line).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
                    return client;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    return client;
                }
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** An address or CIDR range, IPv4 or IPv6. */
    record AddressRange(byte[] network, int prefix) {

        static AddressRange parse(String text) {
            String[] parts = text.strip().split("/", 2);
            byte[] address = NetUtil.createByteArrayFromIpAddressString(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("bss.gateway.trusted-proxies: not an IP address or CIDR range: "
                        + text);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bss.gateway.trusted-proxies: bad prefix length: " + text);
            }
            return new AddressRange(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
