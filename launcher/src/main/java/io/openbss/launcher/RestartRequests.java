package io.openbss.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code $BSS_HOME/restart/}: a file per process that {@code ./bss restart} or {@code ./bss up} asks the running
 * supervisor to start again; the supervisor takes them. Only the owner of {@code $BSS_HOME} can write there.
 */
final class RestartRequests {

    private final Path directory;

    RestartRequests(Path home) {
        this.directory = home.resolve("restart");
    }

    void ask(String name) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes asked for since the last call, each once. */
    List<String> take() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.deleteIfExists(file)) {
                    names.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            System.err.println("restart requests: " + e.getMessage());
        }
        return names;
    }
}
