package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every image names one build: a tag other than `latest`, or a digest. */
class ImagesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageIsPinned(String overlay) {
        Map<String, String> images = images(Manifests.rendered(overlay));
        assertThat(images).as("images of %s", overlay).isNotEmpty();
        List<String> floating = new ArrayList<>();
        images.forEach((where, image) -> {
            if (!pinned(image)) {
                floating.add(where + ": " + image);
            }
        });
        assertThat(floating).as("images of %s without a version tag or digest", overlay).isEmpty();
    }

    /** The four services and the console are one release: kustomize's `images:` sets one version for all. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theOpenBssImagesAreOneRelease(String overlay) {
        Set<String> tags = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        images(Manifests.rendered(overlay)).values().stream().filter(i -> i.startsWith("ghcr.io/openbss/"))
                .forEach(image -> {
                    names.add(repository(image));
                    tags.add(image.substring(repository(image).length()));
                });
        assertThat(names).as("OpenBSS images in %s", overlay).containsExactly("ghcr.io/openbss/billing-service",
                "ghcr.io/openbss/console", "ghcr.io/openbss/enterprise-service", "ghcr.io/openbss/gateway",
                "ghcr.io/openbss/orders-service");
        assertThat(tags).as("versions of the OpenBSS images in %s", overlay).hasSize(1);
    }

    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        String repository = repository(image);
        if (repository.length() == image.length()) {
            return false;
        }
        String tag = image.substring(repository.length() + 1);
        return !tag.isBlank() && !tag.equals("latest");
    }

    /** The image without its tag or digest (a registry's port is not a tag). */
    static String repository(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at >= 0 ? image.substring(0, at) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** Containers' images and CloudNativePG clusters' imageName, by where they are used. */
    static Map<String, String> images(Manifests manifests) {
        Map<String, String> images = new LinkedHashMap<>();
        for (Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                images.put(workload + " " + container.getName(), container.getImage());
            }
        }
        for (var cluster : manifests.custom(Manifests.CNPG_API, "Cluster")) {
            String image = cluster.get("spec", "imageName");
            // Without imageName the operator picks its own default, which changes with the operator's version.
            images.put("Cluster/" + cluster.getMetadata().getName(), image == null ? "" : image);
        }
        return images;
    }
}
