package io.openbss.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rendered overlay (deploy/rendered/&lt;overlay&gt;.yaml) as typed objects, and what the tests ask of it. */
final class Manifests {

    /** The overlays whose renderings are committed and checked. */
    static final List<String> OVERLAYS = List.of("local", "production");

    static final String CNPG_API = "postgresql.cnpg.io/v1";
    static final String MONITORING_API = "monitoring.coreos.com/v1";
    /** CloudNativePG's Services for a cluster: read-write (the primary), read-only (replicas), read (any). */
    private static final Pattern CNPG_SERVICE = Pattern.compile("(.+)-(rw|ro|r)");

    private static final Map<Path, Manifests> LOADED = new ConcurrentHashMap<>();

    final String overlay;
    final List<HasMetadata> objects;

    private Manifests(String overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = List.copyOf(objects);
    }

    /** The committed rendering of an overlay (parsed once per test run). */
    static Manifests rendered(String overlay) {
        return LOADED.computeIfAbsent(DeployDir.rendered(overlay), file -> {
            try (InputStream in = Files.newInputStream(file)) {
                return new Manifests(overlay, parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (run deploy/render.sh)", e);
            }
        });
    }

    /** Typed objects where the fabric8 model knows the kind, GenericKubernetesResource for CRDs (CNPG, monitors). */
    static List<HasMetadata> parse(InputStream yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.forEach(o -> objects.add((HasMetadata) o));
        } else if (parsed != null) {
            objects.add((HasMetadata) parsed);
        }
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> apiVersion.equals(r.getApiVersion()) && kind.equals(r.getKind())).toList();
    }

    /** Deployments, StatefulSets and CloudNativePG clusters, with the labels their pods carry. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(Workload.ofPods("Deployment", d.getMetadata().getName(),
                    d.getSpec().getTemplate().getMetadata().getLabels(), d.getSpec().getTemplate().getSpec()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(Workload.ofPods("StatefulSet", s.getMetadata().getName(),
                    s.getSpec().getTemplate().getMetadata().getLabels(), s.getSpec().getTemplate().getSpec()));
        }
        for (GenericKubernetesResource cluster : custom(CNPG_API, "Cluster")) {
            String name = cluster.getMetadata().getName();
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> inherited = cluster.get("spec", "inheritedMetadata", "labels");
            if (inherited != null) {
                labels.putAll(inherited);
            }
            // What the operator puts on every instance pod.
            labels.put("cnpg.io/cluster", name);
            labels.put("cnpg.io/podRole", "instance");
            workloads.add(new Workload("Cluster", name, labels, null, Workload.CNPG_PORTS));
        }
        return workloads;
    }

    Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    List<Workload> selectedBy(LabelSelector selector) {
        return workloads().stream().filter(w -> Selectors.matches(selector, w.podLabels())).toList();
    }

    List<Workload> selectedBy(Map<String, String> serviceSelector) {
        if (serviceSelector == null || serviceSelector.isEmpty()) {
            return List.of();
        }
        return workloads().stream().filter(w -> Selectors.matches(serviceSelector, w.podLabels())).toList();
    }

    /**
     * The literal environment of a container as Kubernetes assembles it: ConfigMaps of envFrom in order, then env
     * entries with a value (Secret references are left out: their values are not in the manifests).
     */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                named(ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(cm -> env.putAll(cm.getData()));
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    /** Where a connection to host:port lands: the pods behind the Service of that name, and their port. */
    record Destination(String service, List<Workload> workloads, int podPort) {
    }

    Optional<Destination> resolve(String host, int port) {
        Optional<Service> service = named(Service.class, host);
        if (service.isPresent()) {
            Service s = service.get();
            List<Workload> pods = selectedBy(s.getSpec().getSelector());
            for (ServicePort servicePort : s.getSpec().getPorts()) {
                if (servicePort.getPort() == port) {
                    return podPort(servicePort.getTargetPort(), servicePort.getPort(), pods)
                            .map(podPort -> new Destination(host, pods, podPort));
                }
            }
            return Optional.empty();
        }
        Matcher cnpg = CNPG_SERVICE.matcher(host);
        if (cnpg.matches() && port == 5432) {
            return workload(cnpg.group(1)).filter(Workload::operatorManaged)
                    .map(cluster -> new Destination(host, List.of(cluster), 5432));
        }
        return Optional.empty();
    }

    /** A Service port's target on its pods: a number, a name every selected pod defines, or the port itself. */
    static Optional<Integer> podPort(IntOrString target, int servicePort, List<Workload> pods) {
        if (pods.isEmpty()) {
            return Optional.empty();
        }
        if (target == null) {
            return Optional.of(servicePort);
        }
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        List<Integer> ports = pods.stream().map(w -> w.namedPorts().get(target.getStrVal())).distinct().toList();
        return ports.size() == 1 && ports.get(0) != null ? Optional.of(ports.get(0)) : Optional.empty();
    }

    /** A connection a container's configuration makes: a URL (or host list) in its environment, or its database. */
    record Call(String variable, String host, int port) {
    }

    private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://.+");

    /**
     * The in-namespace connections a container is configured to make: every URL whose host is a bare name (a
     * Service of the namespace; hosts with dots are outside it), and BSS_DB_HOST:BSS_DB_PORT.
     */
    List<Call> calls(Container container) {
        Map<String, String> env = environment(container);
        List<Call> calls = new ArrayList<>();
        env.forEach((name, value) -> {
            for (String part : value.split(",")) {
                String candidate = part.strip();
                if (!URL.matcher(candidate).matches()) {
                    continue;
                }
                URI uri = URI.create(candidate);
                String host = uri.getHost();
                if (host == null || host.contains(".")) {
                    continue;
                }
                calls.add(new Call(name, host, uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme())));
            }
        });
        if (env.containsKey("BSS_DB_HOST")) {
            calls.add(new Call("BSS_DB_HOST", env.get("BSS_DB_HOST"),
                    Integer.parseInt(env.getOrDefault("BSS_DB_PORT", "5432"))));
        }
        return calls;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "redis" -> 6379;
            case "postgresql" -> 5432;
            default -> 80;
        };
    }

    @Override
    public String toString() {
        return overlay;
    }
}
