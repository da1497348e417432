package io.openbss.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the NetworkPolicies of an overlay admit, as edges from a source to a workload's port. */
final class Ingress {

    /** Any source at all: a rule without `from`, or an ipBlock of the whole address space. */
    static final String ANYWHERE = "*";
    /** Every port of the target: a rule without `ports`. */
    static final int ALL_PORTS = 0;

    /**
     * {@code from} is a workload's name, {@link #ANYWHERE}, {@code ip:<cidr>}, or {@code namespace:<name>} for pods of
     * another namespace ({@code namespace:*} when its selector does not name one).
     */
    record Edge(String from, String to, int port) {

        boolean fromNamespace() {
            return from.startsWith("namespace:");
        }

        boolean fromOutside() {
            return from.equals(ANYWHERE) || from.startsWith("ip:");
        }

        @Override
        public String toString() {
            return from + " -> " + to + ":" + (port == ALL_PORTS ? "*" : port);
        }
    }

    private Ingress() {
    }

    static Set<Edge> admitted(Manifests manifests) {
        Set<Edge> edges = new LinkedHashSet<>();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            List<String> types = policy.getSpec().getPolicyTypes();
            if (!types.isEmpty() && !types.contains("Ingress")) {
                continue;
            }
            LabelSelector selector = policy.getSpec().getPodSelector();
            List<Workload> targets = Selectors.isEmpty(selector) ? manifests.workloads()
                    : manifests.selectedBy(selector);
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                List<String> sources = sources(manifests, rule);
                for (Workload target : targets) {
                    for (int port : ports(rule, target)) {
                        for (String source : sources) {
                            edges.add(new Edge(source, target.name(), port));
                        }
                    }
                }
            }
        }
        return edges;
    }

    /** Whether traffic from a workload to a workload's port gets in. */
    static boolean admits(Set<Edge> admitted, String from, String to, int port) {
        return admitted.stream().anyMatch(e -> e.to().equals(to)
                && (e.port() == port || e.port() == ALL_PORTS)
                && (e.from().equals(from) || e.fromOutside()));
    }

    static boolean hasDefaultDeny(Manifests manifests) {
        return manifests.all(NetworkPolicy.class).stream().anyMatch(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().contains("Ingress") && p.getSpec().getIngress().isEmpty());
    }

    private static List<String> sources(Manifests manifests, NetworkPolicyIngressRule rule) {
        if (rule.getFrom().isEmpty()) {
            return List.of(ANYWHERE);
        }
        List<String> sources = new ArrayList<>();
        for (NetworkPolicyPeer peer : rule.getFrom()) {
            if (peer.getIpBlock() != null) {
                String cidr = peer.getIpBlock().getCidr();
                sources.add(cidr.equals("0.0.0.0/0") || cidr.equals("::/0") ? ANYWHERE : "ip:" + cidr);
            } else if (peer.getNamespaceSelector() != null) {
                String name = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                sources.add("namespace:" + (name == null ? "*" : name));
            } else if (peer.getPodSelector() != null) {
                manifests.selectedBy(peer.getPodSelector()).forEach(w -> sources.add(w.name()));
            }
        }
        return sources;
    }

    private static List<Integer> ports(NetworkPolicyIngressRule rule, Workload target) {
        if (rule.getPorts().isEmpty()) {
            return List.of(ALL_PORTS);
        }
        List<Integer> ports = new ArrayList<>();
        for (NetworkPolicyPort port : rule.getPorts()) {
            IntOrString value = port.getPort();
            if (value == null) {
                ports.add(ALL_PORTS);
            } else if (value.getIntVal() != null) {
                ports.add(value.getIntVal());
            } else if (target.namedPorts().containsKey(value.getStrVal())) {
                ports.add(target.namedPorts().get(value.getStrVal()));
            }
        }
        return ports;
    }
}
