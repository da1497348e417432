package io.openbss.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that runs pods: a Deployment, a StatefulSet, or a CloudNativePG Cluster (whose pods the operator
 * creates, so only their labels and well-known ports are known here; {@code podSpec} is null).
 */
record Workload(String kind, String name, Map<String, String> podLabels, PodSpec podSpec,
        Map<String, Integer> namedPorts) {

    /** Ports of a CloudNativePG instance pod: PostgreSQL, the instance manager's status endpoint, the exporter. */
    static final Map<String, Integer> CNPG_PORTS = Map.of("postgresql", 5432, "status", 8000, "metrics", 9187);

    static Workload ofPods(String kind, String name, Map<String, String> labels, PodSpec spec) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Container container : spec.getContainers()) {
            for (ContainerPort port : container.getPorts()) {
                ports.put(port.getName() == null ? String.valueOf(port.getContainerPort()) : port.getName(),
                        port.getContainerPort());
            }
        }
        return new Workload(kind, name, labels == null ? Map.of() : labels, spec, ports);
    }

    boolean operatorManaged() {
        return podSpec == null;
    }

    /** Init containers too: they run with the same privileges. */
    List<Container> containers() {
        if (podSpec == null) {
            return List.of();
        }
        List<Container> all = new ArrayList<>(podSpec.getInitContainers());
        all.addAll(podSpec.getContainers());
        return all;
    }

    boolean hasPort(int port) {
        return namedPorts.containsValue(port);
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
