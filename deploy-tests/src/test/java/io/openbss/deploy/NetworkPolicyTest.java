package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The NetworkPolicies admit exactly the connections the configuration makes (gateway to the services and Redis,
 * orders and enterprise to billing, the three services and the console to the gateway's admin port, the services to
 * PostgreSQL), the public API and the console's pages from anywhere, Prometheus on metrics ports, and nothing else.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theNamespaceDeniesIngressUnlessAllowed(String overlay) {
        assertThat(Ingress.hasDefaultDeny(Manifests.rendered(overlay)))
                .as("%s has a NetworkPolicy selecting every pod with no ingress rule", overlay).isTrue();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyConfiguredConnectionNamesAServicePortAndIsAdmitted(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        Set<Ingress.Edge> admitted = Ingress.admitted(manifests);
        List<String> wrong = new ArrayList<>();
        Set<Ingress.Edge> needed = needed(manifests, wrong);
        for (Ingress.Edge edge : needed) {
            if (!Ingress.admits(admitted, edge.from(), edge.to(), edge.port())) {
                wrong.add("no NetworkPolicy admits " + edge);
            }
        }
        assertThat(wrong).as("configured connections in %s", overlay).isEmpty();
        assertThat(needed).as("connections configured in %s", overlay).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsAdmitNoOtherPodsThanTheirConfiguredCallers(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        Set<Ingress.Edge> needed = needed(manifests, new ArrayList<>());
        List<String> extra = new ArrayList<>();
        for (Ingress.Edge edge : Ingress.admitted(manifests)) {
            if (edge.fromOutside() || edge.fromNamespace()) {
                continue;
            }
            // The instances of a CloudNativePG cluster replicate from and check on each other.
            boolean clusterPeers = edge.from().equals(edge.to())
                    && manifests.workload(edge.to()).map(Workload::operatorManaged).orElse(false);
            if (edge.port() == Ingress.ALL_PORTS || (!needed.contains(edge) && !clusterPeers)) {
                extra.add(edge.toString());
            }
        }
        assertThat(extra).as("pod-to-pod ingress in %s that no configuration uses", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewaysPublicPortAndTheConsoleAreOpenToAnySource(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        Set<String> open = new LinkedHashSet<>();
        Ingress.admitted(manifests).stream().filter(Ingress.Edge::fromOutside)
                .forEach(e -> open.add(e.to() + ":" + (e.port() == Ingress.ALL_PORTS ? "*" : e.port())));
        int publicPort = Integer.parseInt(gatewayEnvironment(manifests).get("BSS_GATEWAY_PUBLIC_PORT"));
        int consolePort = manifests.workload("console").orElseThrow().namedPorts().get("http");
        assertThat(open).as("ports of %s open to any source", overlay)
                .containsExactlyInAnyOrder("gateway:" + publicPort, "console:" + consolePort);
    }

    /**
     * Other namespaces are named (an empty namespaceSelector would open a port to the whole cluster): Prometheus'
     * reaches only the ports that serve metrics, the CloudNativePG operator's only its clusters.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void otherNamespacesReachOnlyMetricsPortsOrTheirOperatorsClusters(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (Ingress.Edge edge : Ingress.admitted(manifests)) {
            if (!edge.fromNamespace()) {
                continue;
            }
            Workload target = manifests.workload(edge.to()).orElseThrow();
            switch (edge.from()) {
                case "namespace:monitoring" -> {
                    if (!metricsPorts(target).contains(edge.port())) {
                        wrong.add(edge + " is not a metrics port");
                    }
                }
                case "namespace:cnpg-system" -> {
                    if (!target.operatorManaged()) {
                        wrong.add(edge + " is not a CloudNativePG instance");
                    }
                }
                default -> wrong.add(edge + ": namespace not expected");
            }
        }
        assertThat(wrong).as("ingress from other namespaces in %s", overlay).isEmpty();
    }

    /** What Prometheus is told to scrape, it may reach. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyMonitoredPortIsAdmittedFromPrometheus(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        Set<Ingress.Edge> admitted = Ingress.admitted(manifests);
        List<String> wrong = new ArrayList<>();
        for (GenericKubernetesResource monitor : manifests.custom(Manifests.MONITORING_API, "ServiceMonitor")) {
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            for (Service service : manifests.all(Service.class)) {
                if (!Selectors.matches(selector, service.getMetadata().getLabels())) {
                    continue;
                }
                for (Map<String, Object> endpoint : endpoints) {
                    service.getSpec().getPorts().stream().filter(p -> endpoint.get("port").equals(p.getName()))
                            .forEach(port -> manifests.resolve(service.getMetadata().getName(), port.getPort())
                                    .ifPresent(d -> d.workloads().forEach(w -> {
                                        if (!Ingress.admits(admitted, "namespace:monitoring", w.name(), d.podPort())) {
                                            wrong.add(monitor.getMetadata().getName() + ": " + w.name() + ":"
                                                    + d.podPort());
                                        }
                                    })));
                }
            }
        }
        for (GenericKubernetesResource monitor : manifests.custom(Manifests.MONITORING_API, "PodMonitor")) {
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
            for (Workload workload : manifests.workloads()) {
                if (!Selectors.matches(selector, workload.podLabels())) {
                    continue;
                }
                for (Map<String, Object> endpoint : endpoints) {
                    Integer port = workload.namedPorts().get((String) endpoint.get("port"));
                    if (port == null || !Ingress.admits(admitted, "namespace:monitoring", workload.name(), port)) {
                        wrong.add(monitor.getMetadata().getName() + ": " + workload.name() + ":"
                                + endpoint.get("port"));
                    }
                }
            }
        }
        assertThat(wrong).as("monitored ports of %s that Prometheus may not reach", overlay).isEmpty();
    }

    /** The ports that serve /q/metrics: where the service's own readiness probe goes; CloudNativePG's exporter. */
    private static Set<Integer> metricsPorts(Workload workload) {
        if (workload.operatorManaged()) {
            return Set.of(Workload.CNPG_PORTS.get("metrics"));
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (Container container : workload.containers()) {
            var probe = container.getReadinessProbe();
            if (probe != null && probe.getHttpGet() != null && "/q/health/ready".equals(probe.getHttpGet().getPath())) {
                var port = probe.getHttpGet().getPort();
                Optional.ofNullable(port.getIntVal() != null ? port.getIntVal()
                        : workload.namedPorts().get(port.getStrVal())).ifPresent(ports::add);
            }
        }
        return ports;
    }

    /** Every connection the workloads' configuration makes, as edges; what cannot be resolved goes to {@code wrong}. */
    static Set<Ingress.Edge> needed(Manifests manifests, List<String> wrong) {
        Set<Ingress.Edge> needed = new LinkedHashSet<>();
        for (Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                for (Manifests.Call call : manifests.calls(container)) {
                    Optional<Manifests.Destination> destination = manifests.resolve(call.host(), call.port());
                    if (destination.isEmpty()) {
                        wrong.add(workload + ": " + call.variable() + " names " + call.host() + ":" + call.port()
                                + ", which is no Service port of this namespace");
                        continue;
                    }
                    for (Workload target : destination.get().workloads()) {
                        needed.add(new Ingress.Edge(workload.name(), target.name(), destination.get().podPort()));
                    }
                }
            }
        }
        return needed;
    }

    private static Map<String, String> gatewayEnvironment(Manifests manifests) {
        Workload gateway = manifests.workload("gateway").orElseThrow();
        return manifests.environment(gateway.containers().get(0));
    }
}
