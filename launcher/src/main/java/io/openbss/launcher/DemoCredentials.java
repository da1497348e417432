package io.openbss.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo credentials as an env file that shells and SDK programs can source: {@code BSS_ENDPOINT}, and
 * {@code BSS_AK}, {@code BSS_SK}, {@code BSS_DOMAIN_ID} for the enterprise master, the other accounts under a
 * prefix ({@code BSS_SUB1_AK}, ...).
 */
public final class DemoCredentials {

    private final Map<String, String> values;

    private DemoCredentials(Map<String, String> values) {
        this.values = values;
    }

    public static DemoCredentials read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        values.put(line.substring(0, eq).replaceFirst("^export ", "").strip(),
                                line.substring(eq + 1).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DemoCredentials(values);
    }

    public static DemoCredentials empty() {
        return new DemoCredentials(new LinkedHashMap<>());
    }

    public String get(String name) {
        return values.get(name);
    }

    public void put(String name, String value) {
        values.put(name, value);
    }

    public Map<String, String> values() {
        return values;
    }

    public void write(Path file) {
        write(file, "OpenBSS demo credentials");
    }

    /** Writes the file (600) headed by a comment that says what it holds and how to use it. */
    public void write(Path file, String what) {
        StringBuilder content = new StringBuilder("# ").append(what).append(" (written by ./bss up). Source it: . ")
                .append(file).append('\n');
        values.forEach((name, value) -> content.append("export ").append(name).append('=').append(value).append('\n'));
        PrivateFiles.directory(file.getParent());
        PrivateFiles.write(file, content.toString());
    }
}
