package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every selector selects pods that exist: Services, NetworkPolicies, budgets, autoscalers, monitors. */
class SelectorsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsThePodsOfAWorkloadAndTheirPorts(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (Service service : manifests.all(Service.class)) {
            String name = service.getMetadata().getName();
            List<Workload> pods = manifests.selectedBy(service.getSpec().getSelector());
            if (pods.isEmpty()) {
                wrong.add(name + ": selector " + service.getSpec().getSelector() + " matches no workload's pods");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                if (Manifests.podPort(port.getTargetPort(), port.getPort(), pods).filter(p -> pods.stream()
                        .allMatch(w -> w.hasPort(p))).isEmpty()) {
                    wrong.add(name + ": port " + port.getPort() + " targets " + port.getTargetPort()
                            + ", which " + pods + " do not declare");
                }
            }
        }
        assertThat(wrong).as("Services of %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNetworkPolicySelectsExistingPods(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            LabelSelector target = policy.getSpec().getPodSelector();
            if (!Selectors.isEmpty(target) && manifests.selectedBy(target).isEmpty()) {
                wrong.add(name + ": podSelector " + target + " matches no workload's pods");
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    // A peer with a namespaceSelector means pods of other namespaces, which are not ours to check.
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && manifests.selectedBy(peer.getPodSelector()).isEmpty()) {
                        wrong.add(name + ": from podSelector " + peer.getPodSelector()
                                + " matches no workload's pods");
                    }
                }
            }
        }
        assertThat(wrong).as("NetworkPolicies of %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasItsOwnDisruptionBudget(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (PodDisruptionBudget budget : manifests.all(PodDisruptionBudget.class)) {
            List<Workload> pods = manifests.selectedBy(budget.getSpec().getSelector());
            if (pods.size() != 1) {
                wrong.add("PodDisruptionBudget " + budget.getMetadata().getName() + " selects " + pods
                        + " instead of exactly one workload");
            }
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean covered = manifests.all(PodDisruptionBudget.class).stream()
                    .anyMatch(b -> Selectors.matches(b.getSpec().getSelector(), labels));
            if (!covered) {
                wrong.add("Deployment " + deployment.getMetadata().getName() + " has no PodDisruptionBudget");
            }
        }
        assertThat(wrong).as("disruption budgets of %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayIsAutoscaledAndEveryAutoscalerTargetsADeployment(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<HorizontalPodAutoscaler> autoscalers = manifests.all(HorizontalPodAutoscaler.class);
        assertThat(autoscalers).as("autoscalers of %s", overlay)
                .anySatisfy(hpa -> {
                    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("gateway");
                });
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(manifests.named(Deployment.class, target.getName()))
                    .as("%s: the target of autoscaler %s", overlay, hpa.getMetadata().getName()).isPresent();
            assertThat(hpa.getSpec().getMinReplicas()).as("%s: minReplicas of %s", overlay,
                    hpa.getMetadata().getName()).isNotNull().isPositive()
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            // With a replica count in the Deployment, every `kubectl apply` would undo the autoscaler's decision.
            assertThat(manifests.named(Deployment.class, target.getName()).orElseThrow().getSpec().getReplicas())
                    .as("%s: replicas of autoscaled Deployment %s", overlay, target.getName()).isNull();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyMonitorSelectsAServicePortOrPodPortThatExists(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (GenericKubernetesResource monitor : manifests.custom(Manifests.MONITORING_API, "ServiceMonitor")) {
            String name = monitor.getMetadata().getName();
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            List<Service> services = manifests.all(Service.class).stream()
                    .filter(s -> selector != null && Selectors.matches(selector, s.getMetadata().getLabels()))
                    .toList();
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            if (services.isEmpty() || endpoints == null) {
                wrong.add("ServiceMonitor " + name + ": selects no Service, or has no endpoints");
                continue;
            }
            for (Map<String, Object> endpoint : endpoints) {
                boolean exists = services.stream().anyMatch(s -> s.getSpec().getPorts().stream()
                        .anyMatch(p -> endpoint.get("port").equals(p.getName())));
                if (!exists) {
                    wrong.add("ServiceMonitor " + name + ": no selected Service has a port named "
                            + endpoint.get("port"));
                }
            }
        }
        for (GenericKubernetesResource monitor : manifests.custom(Manifests.MONITORING_API, "PodMonitor")) {
            String name = monitor.getMetadata().getName();
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            List<Workload> pods = manifests.workloads().stream()
                    .filter(w -> selector != null && Selectors.matches(selector, w.podLabels())).toList();
            List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
            if (pods.isEmpty() || endpoints == null) {
                wrong.add("PodMonitor " + name + ": selects no workload's pods, or has no endpoints");
                continue;
            }
            for (Map<String, Object> endpoint : endpoints) {
                if (pods.stream().noneMatch(w -> w.namedPorts().containsKey((String) endpoint.get("port")))) {
                    wrong.add("PodMonitor " + name + ": no selected pod has a port named " + endpoint.get("port"));
                }
            }
        }
        assertThat(wrong).as("monitors of %s", overlay).isEmpty();
    }
}
