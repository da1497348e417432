package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SleepAction;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The services' configuration agrees with the manifests around it, and production is laid out for availability. */
class ConfigurationTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    static final List<String> BACKENDS = List.of("billing-service", "orders-service", "enterprise-service");

    /** The processes of OpenBSS's own images. */
    static final List<String> APPLICATIONS = List.of("gateway", "billing-service", "orders-service",
            "enterprise-service", "console");

    /** Each service listens where its container port, Service and probes point. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesListenOnTheirDeclaredPorts(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (String name : APPLICATIONS) {
            Workload workload = manifests.workload(name).orElseThrow(() -> new AssertionError("no workload " + name));
            Map<String, String> env = manifests.environment(workload.containers().get(0));
            Integer http = workload.namedPorts().get(name.equals("gateway") ? "admin" : "http");
            if (http == null || !String.valueOf(http).equals(env.get("QUARKUS_HTTP_PORT"))) {
                wrong.add(name + ": QUARKUS_HTTP_PORT=" + env.get("QUARKUS_HTTP_PORT") + ", container port " + http);
            }
            if (name.equals("gateway")) {
                Integer publicPort = workload.namedPorts().get("public");
                if (publicPort == null || !String.valueOf(publicPort).equals(env.get("BSS_GATEWAY_PUBLIC_PORT"))) {
                    wrong.add("gateway: BSS_GATEWAY_PUBLIC_PORT=" + env.get("BSS_GATEWAY_PUBLIC_PORT")
                            + ", container port " + publicPort);
                }
            }
        }
        assertThat(wrong).as("listening ports in %s", overlay).isEmpty();
    }

    /** What every service needs from outside (README, configuration table) is set. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceGetsTheEnvironmentItRequires(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        Map<String, List<String>> required = Map.of(
                "gateway", List.of("BSS_DB_HOST", "BSS_DB_NAME", "BSS_DB_USER", "BSS_DB_PASSWORD",
                        "BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION", "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION",
                        "BSS_SK_ENCRYPTION_KEY", "BSS_ADMIN_TOKEN", "BSS_GATEWAY_SERVICES_ORDERS",
                        "BSS_GATEWAY_SERVICES_BILLING", "BSS_GATEWAY_SERVICES_ENTERPRISE"),
                "billing-service", List.of("BSS_DB_HOST", "BSS_DB_NAME", "BSS_DB_USER", "BSS_DB_PASSWORD",
                        "BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION", "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION",
                        "BSS_GATEWAY_ADMIN_URL"),
                "orders-service", List.of("BSS_DB_HOST", "BSS_DB_NAME", "BSS_DB_USER", "BSS_DB_PASSWORD",
                        "BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION", "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION",
                        "BSS_BILLING_URL", "BSS_GATEWAY_ADMIN_URL"),
                "enterprise-service", List.of("BSS_DB_HOST", "BSS_DB_NAME", "BSS_DB_USER", "BSS_DB_PASSWORD",
                        "BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION", "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION",
                        "BSS_BILLING_URL", "BSS_GATEWAY_ADMIN_URL"),
                "console", List.of("BSS_CONSOLE_GATEWAY_URL", "BSS_CONSOLE_ADMIN_URL", "BSS_CONSOLE_CSRF_KEY"));
        List<String> missing = new ArrayList<>();
        required.forEach((name, variables) -> {
            Container container = manifests.workload(name).orElseThrow().containers().get(0);
            Map<String, String> literal = manifests.environment(container);
            for (String variable : variables) {
                boolean fromSecret = container.getEnv().stream().anyMatch(v -> v.getName().equals(variable)
                        && v.getValueFrom() != null);
                if (!literal.containsKey(variable) && !fromSecret) {
                    missing.add(name + ": " + variable);
                }
            }
        });
        assertThat(missing).as("required environment in %s", overlay).isEmpty();
    }

    /**
     * A pod is given the time its shutdown takes: preStop, then the shutdown delay (readiness DOWN, still serving),
     * then the requests in flight finish within the shutdown timeout; the grace period must cover all three, or the
     * kubelet kills the JVM while it is answering.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGracePeriodCoversPreStopAndTheShutdownDelayAndTimeout(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (String name : APPLICATIONS) {
            PodSpec pod = manifests.named(Deployment.class, name).orElseThrow().getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            Map<String, String> env = manifests.environment(container);
            if (!env.containsKey("BSS_SHUTDOWN_TIMEOUT")) {
                wrong.add(name + ": no BSS_SHUTDOWN_TIMEOUT (in-flight requests would be cut at once)");
                continue;
            }
            long preStop = Optional.ofNullable(container.getLifecycle()).map(Lifecycle::getPreStop)
                    .map(LifecycleHandler::getSleep).map(SleepAction::getSeconds).orElse(0L);
            Duration needed = Duration.ofSeconds(preStop).plus(duration(env.getOrDefault("BSS_SHUTDOWN_DELAY", "0s")))
                    .plus(duration(env.get("BSS_SHUTDOWN_TIMEOUT")));
            long grace = Optional.ofNullable(pod.getTerminationGracePeriodSeconds()).orElse(30L);
            if (Duration.ofSeconds(grace).compareTo(needed) <= 0) {
                wrong.add(name + ": terminationGracePeriodSeconds " + grace + " <= " + needed.toSeconds() + " s");
            }
        }
        assertThat(wrong).as("shutdown in %s", overlay).isEmpty();
    }

    /** A Quarkus duration: ISO-8601 ({@code PT20S}), or a number with {@code ms}, {@code s}, {@code m} or {@code h}. */
    static Duration duration(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        Matcher parts = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.strip());
        assertThat(parts.matches()).as("duration %s", value).isTrue();
        long amount = Long.parseLong(parts.group(1));
        return switch (parts.group(2) == null ? "s" : parts.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** Several gateways enforce one set of quotas only if the counters live in Redis, reached with its password. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aReplicatedGatewaySharesItsRateLimitsThroughRedis(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        // Without an autoscaler, the Deployment's count (1 when unset).
        int most = manifests.named(HorizontalPodAutoscaler.class, "gateway").map(h -> h.getSpec().getMaxReplicas())
                .orElseGet(() -> Optional.ofNullable(manifests.named(Deployment.class, "gateway").orElseThrow()
                        .getSpec().getReplicas()).orElse(1));
        if (most <= 1) {
            return;
        }
        Container gateway = manifests.workload("gateway").orElseThrow().containers().get(0);
        Map<String, String> env = manifests.environment(gateway);
        assertThat(env).as("%s: the gateway runs up to %d replicas", overlay, most)
                .containsEntry("BSS_GATEWAY_RATE_LIMITS_STORE", "redis").containsKey("QUARKUS_REDIS_HOSTS");
        assertThat(manifests.calls(gateway)).as("%s: Redis hosts of the gateway", overlay)
                .anySatisfy(call -> assertThat(call.variable()).isEqualTo("QUARKUS_REDIS_HOSTS"));
        assertThat(gateway.getEnv()).as("%s: the gateway's Redis password", overlay)
                .anySatisfy(v -> assertThat(v.getName()).isEqualTo("QUARKUS_REDIS_PASSWORD"));
    }

    /**
     * The console's pages call the gateway's public API (customers) and its admin API (operators), each through its
     * own Service; it keeps sessions in memory, so it runs one replica in every overlay (more need session affinity).
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theConsoleCallsTheGatewaysPublicAndAdminServicesFromOneReplica(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        Workload console = manifests.workload("console").orElseThrow(() -> new AssertionError("no console"));
        List<Manifests.Call> calls = manifests.calls(console.containers().get(0));
        assertThat(calls).as("%s: the console's public API", overlay).anySatisfy(call -> {
            assertThat(call.variable()).isEqualTo("BSS_CONSOLE_GATEWAY_URL");
            assertThat(manifests.resolve(call.host(), call.port())).get().satisfies(d -> assertThat(d.podPort())
                    .isEqualTo(manifests.workload("gateway").orElseThrow().namedPorts().get("public")));
        });
        assertThat(calls).as("%s: the console's admin API", overlay).anySatisfy(call -> {
            assertThat(call.variable()).isEqualTo("BSS_CONSOLE_ADMIN_URL");
            assertThat(manifests.resolve(call.host(), call.port())).get().satisfies(d -> assertThat(d.podPort())
                    .isEqualTo(manifests.workload("gateway").orElseThrow().namedPorts().get("admin")));
        });
        assertThat(manifests.named(Deployment.class, "console").orElseThrow().getSpec().getReplicas())
                .as("%s: console replicas (sessions live in its memory)", overlay).isEqualTo(1);
        assertThat(manifests.named(HorizontalPodAutoscaler.class, "console")).as("%s: console autoscaler", overlay)
                .isEmpty();
    }

    @Test
    void productionSurvivesTheLossOfANodeOrAnInstance() {
        Manifests production = Manifests.rendered("production");
        HorizontalPodAutoscaler hpa = production.named(HorizontalPodAutoscaler.class, "gateway").orElseThrow();
        assertThat(hpa.getSpec().getMinReplicas()).as("gateway minReplicas").isGreaterThanOrEqualTo(3);
        for (String backend : BACKENDS) {
            assertThat(production.named(Deployment.class, backend).orElseThrow().getSpec().getReplicas())
                    .as("replicas of %s", backend).isGreaterThanOrEqualTo(2);
        }
        for (String name : List.of("gateway", "billing-service", "orders-service", "enterprise-service")) {
            PodDisruptionBudget budget = production.named(PodDisruptionBudget.class, name).orElseThrow();
            assertThat(budget.getSpec().getMinAvailable()).as("minAvailable of %s's budget", name).isNotNull();
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).as("minAvailable of %s's budget", name)
                    .isPositive();
            var spread = production.named(Deployment.class, name).orElseThrow().getSpec().getTemplate().getSpec()
                    .getTopologySpreadConstraints();
            assertThat(spread).as("topology spread of %s", name)
                    .anySatisfy(c -> assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
        }
        List<GenericKubernetesResource> clusters = production.custom(Manifests.CNPG_API, "Cluster");
        assertThat(clusters).as("CloudNativePG clusters").hasSize(1);
        Number instances = clusters.get(0).get("spec", "instances");
        assertThat(instances.intValue()).as("PostgreSQL instances").isGreaterThanOrEqualTo(3);
        assertThat(production.custom(Manifests.MONITORING_API, "ServiceMonitor")).as("ServiceMonitors")
                .extracting(m -> m.getMetadata().getName())
                .containsExactlyInAnyOrder("gateway", "billing-service", "orders-service", "enterprise-service");
    }

    @Test
    void localRunsOneReplicaOfEverything() {
        Manifests local = Manifests.rendered("local");
        for (String backend : BACKENDS) {
            assertThat(local.named(Deployment.class, backend).orElseThrow().getSpec().getReplicas())
                    .as("replicas of %s", backend).isEqualTo(1);
        }
        assertThat(local.named(HorizontalPodAutoscaler.class, "gateway").orElseThrow().getSpec().getMinReplicas())
                .as("gateway minReplicas").isEqualTo(1);
        assertThat(local.workload("postgres")).as("PostgreSQL StatefulSet").get()
                .extracting(Workload::kind).isEqualTo("StatefulSet");
    }
}
