package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The committed renderings are what the overlays render to now. Needs kubectl (with its built-in kustomize); where
 * there is none (CI machines need not have it) the test is skipped and the other tests check the committed files.
 */
class RenderedUpToDateTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theCommittedRenderingMatchesTheOverlay(String overlay) throws IOException {
        Optional<Path> kubectl = Tools.onPath("kubectl");
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH: deploy/rendered/" + overlay
                + ".yaml cannot be compared with a fresh rendering here (run deploy/render.sh where kubectl is)");
        String fresh = Tools.run(List.of(kubectl.get().toString(), "kustomize",
                DeployDir.overlay(overlay).toString()), Duration.ofMinutes(2));
        String committed = Files.readString(DeployDir.rendered(overlay));
        // Compared object by object, as parsed documents: kustomize versions may order or indent differently.
        assertThat(byIdentity(committed))
                .as("deploy/rendered/%s.yaml is stale: run deploy/render.sh and commit the result", overlay)
                .isEqualTo(byIdentity(fresh));
    }

    /** apiVersion/kind/namespace/name of each document, to the document. */
    static Map<String, JsonNode> byIdentity(String yaml) {
        Map<String, JsonNode> objects = new TreeMap<>();
        YAMLMapper mapper = new YAMLMapper();
        try (var documents = mapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                JsonNode metadata = document.path("metadata");
                objects.put(document.path("apiVersion").asText() + "/" + document.path("kind").asText() + "/"
                        + metadata.path("namespace").asText() + "/" + metadata.path("name").asText(), document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }
}
