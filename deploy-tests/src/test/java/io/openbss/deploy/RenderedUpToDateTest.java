package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
        Tools.skipUnless(kubectl.isPresent(), "kubectl is not on the PATH: deploy/rendered/" + overlay
                + ".yaml cannot be compared with a fresh rendering here (run deploy/render.sh where kubectl is)");
        String fresh = Tools.run(List.of(kubectl.get().toString(), "kustomize",
                DeployDir.overlay(overlay).toString()), Duration.ofMinutes(2));
        String committed = Files.readString(DeployDir.rendered(overlay));
        // Compared object by object, as parsed documents: kustomize versions may order or indent differently.
        assertThat(differences(byIdentity(fresh), byIdentity(committed)))
                .as("deploy/rendered/%s.yaml is stale: run deploy/render.sh and commit the result", overlay)
                .isEmpty();
    }

    /**
     * What differs between what renders now and the committed file, object by object: an object only one of them
     * has, or the first field where they differ.
     */
    static List<String> differences(Map<String, JsonNode> rendered, Map<String, JsonNode> committed) {
        List<String> differences = new ArrayList<>();
        for (var entry : rendered.entrySet()) {
            JsonNode other = committed.get(entry.getKey());
            if (other == null) {
                differences.add(entry.getKey() + ": rendered, not in the committed file");
            } else if (!other.equals(entry.getValue())) {
                differences.add(entry.getKey() + " at " + firstDifference("", entry.getValue(), other));
            }
        }
        committed.keySet().stream().filter(k -> !rendered.containsKey(k))
                .forEach(k -> differences.add(k + ": in the committed file, no longer rendered"));
        return differences;
    }

    private static String firstDifference(String path, JsonNode rendered, JsonNode committed) {
        if (rendered.isContainerNode() && committed.isContainerNode()
                && rendered.getNodeType() == committed.getNodeType()) {
            Set<String> names = new TreeSet<>();
            rendered.fieldNames().forEachRemaining(names::add);
            committed.fieldNames().forEachRemaining(names::add);
            if (rendered.isArray()) {
                for (int i = 0; i < Math.max(rendered.size(), committed.size()); i++) {
                    names.add(String.valueOf(i));
                }
            }
            for (String name : names) {
                JsonNode now = rendered.isArray() ? rendered.path(Integer.parseInt(name)) : rendered.path(name);
                JsonNode then = committed.isArray() ? committed.path(Integer.parseInt(name)) : committed.path(name);
                if (!now.equals(then)) {
                    return firstDifference(path + "/" + name, now, then);
                }
            }
        }
        return (path.isEmpty() ? "/" : path) + ": renders " + abbreviate(rendered) + ", committed "
                + abbreviate(committed);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "absent" : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
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
