package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Secrets in the repository are placeholders, every reference to a Secret or ConfigMap resolves, and the signing key
 * of internal tokens reaches only the workloads that sign them.
 */
class SecretsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** What every committed Secret value must contain; deploy/new-environment.sh replaces them all. */
    static final String PLACEHOLDER = "CHANGE-ME";
    /** Keys whose values are identifiers, not secrets: basic-auth usernames are the database roles' names. */
    static final Set<String> NOT_SECRET = Set.of("username");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretValueIsAPlaceholder(String overlay) {
        List<Secret> secrets = Manifests.rendered(overlay).all(Secret.class);
        assertThat(secrets).as("Secrets in %s", overlay).isNotEmpty();
        List<String> real = new ArrayList<>();
        for (Secret secret : secrets) {
            values(secret).forEach((key, value) -> {
                if (!NOT_SECRET.contains(key) && !value.contains(PLACEHOLDER)) {
                    real.add(secret.getMetadata().getName() + "/" + key);
                }
            });
        }
        assertThat(real).as("Secret values in %s without %s", overlay, PLACEHOLDER).isEmpty();
    }

    /** data (base64, which kustomize wraps over several lines for long values) and stringData together, decoded. */
    static Map<String, String> values(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getMimeDecoder().decode(v),
                StandardCharsets.UTF_8)));
        values.putAll(secret.getStringData());
        return values;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretAndConfigMapReferenceResolves(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> dangling = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                String where = workload + " " + container.getName() + ": ";
                for (EnvVar var : container.getEnv()) {
                    var from = var.getValueFrom();
                    if (from != null && from.getSecretKeyRef() != null) {
                        String name = from.getSecretKeyRef().getName();
                        String key = from.getSecretKeyRef().getKey();
                        Optional<Secret> secret = manifests.named(Secret.class, name);
                        if (secret.isEmpty() || !values(secret.get()).containsKey(key)) {
                            dangling.add(where + var.getName() + " -> Secret " + name + " key " + key);
                        }
                    }
                    if (from != null && from.getConfigMapKeyRef() != null) {
                        String name = from.getConfigMapKeyRef().getName();
                        Optional<ConfigMap> map = manifests.named(ConfigMap.class, name);
                        if (map.isEmpty() || !map.get().getData().containsKey(from.getConfigMapKeyRef().getKey())) {
                            dangling.add(where + var.getName() + " -> ConfigMap " + name);
                        }
                    }
                }
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null
                            && manifests.named(ConfigMap.class, source.getConfigMapRef().getName()).isEmpty()) {
                        dangling.add(where + "envFrom ConfigMap " + source.getConfigMapRef().getName());
                    }
                    if (source.getSecretRef() != null
                            && manifests.named(Secret.class, source.getSecretRef().getName()).isEmpty()) {
                        dangling.add(where + "envFrom Secret " + source.getSecretRef().getName());
                    }
                }
                Set<String> volumes = declaredVolumes(manifests, workload);
                for (VolumeMount mount : container.getVolumeMounts()) {
                    if (!volumes.contains(mount.getName())) {
                        dangling.add(where + "mounts undeclared volume " + mount.getName());
                    }
                }
            }
            if (workload.podSpec() == null) {
                continue;
            }
            for (Volume volume : workload.podSpec().getVolumes()) {
                if (volume.getSecret() != null
                        && manifests.named(Secret.class, volume.getSecret().getSecretName()).isEmpty()) {
                    dangling.add(workload + ": volume " + volume.getName() + " -> Secret "
                            + volume.getSecret().getSecretName());
                }
                if (volume.getConfigMap() != null
                        && manifests.named(ConfigMap.class, volume.getConfigMap().getName()).isEmpty()) {
                    dangling.add(workload + ": volume " + volume.getName() + " -> ConfigMap "
                            + volume.getConfigMap().getName());
                }
            }
        }
        assertThat(dangling).as("references to missing Secrets, ConfigMaps or keys in %s", overlay).isEmpty();
    }

    /**
     * The private key signs internal tokens: the gateway signs callers' tokens, the three services their service tokens
     * (to billing's internal API, to the gateway's internal IAM API and upstream egress). Every service verifies, so
     * every service mounts the public key, and each one's configured key locations lie inside those mounts.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void internalTokenKeysReachExactlyTheirUsers(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        assertThat(mountedBy(manifests, "openbss-internal-token-private")).as("private key in %s", overlay)
                .containsExactly("billing-service", "enterprise-service", "gateway", "orders-service");
        assertThat(mountedBy(manifests, "openbss-internal-token-public")).as("public key in %s", overlay)
                .containsExactly("billing-service", "enterprise-service", "gateway", "orders-service");

        List<String> unreadable = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                Map<String, String> env = manifests.environment(container);
                for (String variable : List.of("BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION",
                        "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION")) {
                    String location = env.get(variable);
                    if (location != null && !readableSecretFile(manifests, workload, container, location)) {
                        unreadable.add(workload + ": " + variable + "=" + location);
                    }
                }
            }
        }
        assertThat(unreadable).as("key locations not backed by a mounted Secret key in %s", overlay).isEmpty();
        assertThat(gatewayOnly(manifests, "openbss-gateway-keys")).as("SK encryption key and admin token in %s",
                overlay).containsExactly("gateway");
    }

    /** The pod's volumes and, for a StatefulSet, its volume claim templates. */
    private static Set<String> declaredVolumes(Manifests manifests, Workload workload) {
        Set<String> names = new TreeSet<>();
        workload.podSpec().getVolumes().forEach(v -> names.add(v.getName()));
        manifests.named(StatefulSet.class, workload.name()).ifPresent(s -> s.getSpec().getVolumeClaimTemplates()
                .forEach(claim -> names.add(claim.getMetadata().getName())));
        return names;
    }

    /** CloudNativePG sets each managed role's password from a basic-auth Secret whose username is the role's name. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void databaseRolesReadExistingSecretsOfTheirOwnName(String overlay) {
        Manifests manifests = Manifests.rendered(overlay);
        List<String> wrong = new ArrayList<>();
        for (var cluster : manifests.custom(Manifests.CNPG_API, "Cluster")) {
            List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
            for (Map<String, Object> role : roles == null ? List.<Map<String, Object>>of() : roles) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ref = (Map<String, Object>) role.get("passwordSecret");
                if (ref == null) {
                    continue;
                }
                Optional<Secret> secret = manifests.named(Secret.class, (String) ref.get("name"));
                if (secret.isEmpty()) {
                    wrong.add(role.get("name") + ": no Secret " + ref.get("name"));
                } else if (!"kubernetes.io/basic-auth".equals(secret.get().getType())
                        || !role.get("name").equals(values(secret.get()).get("username"))) {
                    wrong.add(role.get("name") + ": Secret " + ref.get("name")
                            + " is not basic-auth with username " + role.get("name"));
                }
            }
        }
        assertThat(wrong).as("managed roles' Secrets in %s", overlay).isEmpty();
    }

    private static Set<String> mountedBy(Manifests manifests, String secret) {
        Set<String> users = new TreeSet<>();
        for (Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                for (VolumeMount mount : container.getVolumeMounts()) {
                    workload.podSpec().getVolumes().stream()
                            .filter(v -> v.getName().equals(mount.getName()) && v.getSecret() != null
                                    && secret.equals(v.getSecret().getSecretName()))
                            .findAny().ifPresent(v -> users.add(workload.name()));
                }
            }
        }
        return users;
    }

    private static Set<String> gatewayOnly(Manifests manifests, String secret) {
        Set<String> users = new TreeSet<>(mountedBy(manifests, secret));
        for (Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                for (EnvVar var : container.getEnv()) {
                    if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null
                            && secret.equals(var.getValueFrom().getSecretKeyRef().getName())) {
                        users.add(workload.name());
                    }
                }
            }
        }
        return users;
    }

    /** The file is a key of a Secret volume mounted at the file's directory. */
    private static boolean readableSecretFile(Manifests manifests, Workload workload, Container container,
            String location) {
        int slash = location.lastIndexOf('/');
        String directory = location.substring(0, slash);
        String file = location.substring(slash + 1);
        for (VolumeMount mount : container.getVolumeMounts()) {
            if (!mount.getMountPath().equals(directory)) {
                continue;
            }
            Optional<Volume> volume = workload.podSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()) && v.getSecret() != null).findFirst();
            if (volume.isPresent()) {
                return manifests.named(Secret.class, volume.get().getSecret().getSecretName())
                        .map(s -> values(s).containsKey(file)).orElse(false);
            }
        }
        return false;
    }
}
