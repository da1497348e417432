package io.openbss.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where deploy/ is: the build passes it (openbss.deploy.dir); a run from the module falls back to ../deploy. */
final class DeployDir {

    private DeployDir() {
    }

    static Path root() {
        String configured = System.getProperty("openbss.deploy.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "deploy");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("overlays"))) {
            throw new IllegalStateException("no deploy/overlays under " + dir + " (set -Dopenbss.deploy.dir)");
        }
        return dir;
    }

    static Path rendered(String overlay) {
        return root().resolve("rendered").resolve(overlay + ".yaml");
    }

    static Path overlay(String overlay) {
        return root().resolve("overlays").resolve(overlay);
    }
}
