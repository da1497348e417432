package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every container of every workload: health probes, resources, and a locked-down security context. */
class ContainerHardeningTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasStartupReadinessAndLivenessProbes(String overlay) {
        List<String> missing = new ArrayList<>();
        forEachContainer(overlay, (workload, container) -> {
            if (container.getStartupProbe() == null) {
                missing.add(workload + " " + container.getName() + ": no startupProbe");
            }
            if (container.getReadinessProbe() == null) {
                missing.add(workload + " " + container.getName() + ": no readinessProbe");
            }
            if (container.getLivenessProbe() == null) {
                missing.add(workload + " " + container.getName() + ": no livenessProbe");
            }
        });
        assertThat(missing).as("probes in %s", overlay).isEmpty();
    }

    /** The four services answer health on Quarkus' endpoints, on a port they declare. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesProbeTheQuarkusHealthEndpoints(String overlay) {
        List<String> wrong = new ArrayList<>();
        forEachContainer(overlay, (workload, container) -> {
            if (!container.getImage().startsWith("ghcr.io/openbss/")) {
                return;
            }
            check(wrong, workload, container, "startupProbe", container.getStartupProbe(), "/q/health/started");
            check(wrong, workload, container, "readinessProbe", container.getReadinessProbe(), "/q/health/ready");
            check(wrong, workload, container, "livenessProbe", container.getLivenessProbe(), "/q/health/live");
        });
        assertThat(wrong).as("health probes in %s", overlay).isEmpty();
    }

    private static void check(List<String> wrong, Workload workload, Container container, String name,
            io.fabric8.kubernetes.api.model.Probe probe, String path) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            wrong.add(workload + " " + container.getName() + ": " + name + " is not an HTTP GET of " + path);
            return;
        }
        var port = probe.getHttpGet().getPort();
        boolean known = port.getIntVal() != null ? workload.hasPort(port.getIntVal())
                : workload.namedPorts().containsKey(port.getStrVal());
        if (!known) {
            wrong.add(workload + " " + container.getName() + ": " + name + " probes port " + port
                    + " that the container does not declare");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        List<String> missing = new ArrayList<>();
        forEachContainer(overlay, (workload, container) -> {
            ResourceRequirements resources = container.getResources();
            Map<String, Quantity> requests = resources == null ? Map.of() : resources.getRequests();
            Map<String, Quantity> limits = resources == null ? Map.of() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (!requests.containsKey(resource)) {
                    missing.add(workload + " " + container.getName() + ": no " + resource + " request");
                }
                if (!limits.containsKey(resource)) {
                    missing.add(workload + " " + container.getName() + ": no " + resource + " limit");
                }
                if (requests.containsKey(resource) && limits.containsKey(resource)
                        && requests.get(resource).getNumericalAmount()
                                .compareTo(limits.get(resource).getNumericalAmount()) > 0) {
                    missing.add(workload + " " + container.getName() + ": " + resource + " request above its limit");
                }
            }
        });
        assertThat(missing).as("resources in %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRunsAsAFixedNonRootUserWithoutPrivileges(String overlay) {
        List<String> wrong = new ArrayList<>();
        forEachContainer(overlay, (workload, container) -> {
            PodSecurityContext pod = workload.podSpec().getSecurityContext();
            SecurityContext own = container.getSecurityContext();
            String where = workload + " " + container.getName() + ": ";
            if (!Boolean.TRUE.equals(effective(own, SecurityContext::getRunAsNonRoot, pod,
                    PodSecurityContext::getRunAsNonRoot))) {
                wrong.add(where + "runAsNonRoot is not true");
            }
            Long uid = effective(own, SecurityContext::getRunAsUser, pod, PodSecurityContext::getRunAsUser);
            if (uid == null || uid == 0) {
                wrong.add(where + "no fixed non-root runAsUser");
            }
            if (own == null || !Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
                wrong.add(where + "readOnlyRootFilesystem is not true");
            }
            if (own == null || !Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
                wrong.add(where + "allowPrivilegeEscalation is not false");
            }
            if (own != null && Boolean.TRUE.equals(own.getPrivileged())) {
                wrong.add(where + "privileged");
            }
            if (own == null || own.getCapabilities() == null || !own.getCapabilities().getDrop().contains("ALL")
                    || !own.getCapabilities().getAdd().isEmpty()) {
                wrong.add(where + "capabilities are not drop [ALL] with nothing added");
            }
            String seccomp = own != null && own.getSeccompProfile() != null ? own.getSeccompProfile().getType()
                    : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                wrong.add(where + "seccomp profile is not RuntimeDefault");
            }
        });
        assertThat(wrong).as("security contexts in %s", overlay).isEmpty();
    }

    /** With a read-only root file system, the JVM (and PostgreSQL, Redis) still need a writable /tmp. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasAWritableTmp(String overlay) {
        List<String> missing = new ArrayList<>();
        forEachContainer(overlay, (workload, container) -> {
            boolean tmp = container.getVolumeMounts().stream().map(VolumeMount::getMountPath)
                    .anyMatch("/tmp"::equals);
            if (!tmp) {
                missing.add(workload + " " + container.getName() + ": nothing mounted on /tmp");
            }
        });
        assertThat(missing).as("/tmp mounts in %s", overlay).isEmpty();
    }

    /** None of the workloads talks to the Kubernetes API, so none carries a token that could. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noPodMountsAServiceAccountToken(String overlay) {
        List<String> mounting = Manifests.rendered(overlay).workloads().stream()
                .filter(w -> !w.operatorManaged())
                .filter(w -> !Boolean.FALSE.equals(w.podSpec().getAutomountServiceAccountToken()))
                .map(Workload::toString).toList();
        assertThat(mounting).as("pods of %s with automountServiceAccountToken not false", overlay).isEmpty();
    }

    private static <T> T effective(SecurityContext container, Function<SecurityContext, T> ownValue,
            PodSecurityContext pod, Function<PodSecurityContext, T> podValue) {
        T value = container == null ? null : ownValue.apply(container);
        return value != null ? value : pod == null ? null : podValue.apply(pod);
    }

    static void forEachContainer(String overlay, java.util.function.BiConsumer<Workload, Container> check) {
        List<Workload> workloads = Manifests.rendered(overlay).workloads();
        assertThat(workloads).as("workloads in %s", overlay).isNotEmpty();
        for (Workload workload : workloads) {
            for (Container container : workload.containers()) {
                check.accept(workload, Objects.requireNonNull(container));
            }
        }
    }
}
