package io.openbss.common.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operation table ({@code operations.csv} beside this class): what the gateway routes, rate-limits and
 * authorizes, and what {@code ./bss call} knows by name.
 */
public final class OperationTable {

    private static final String RESOURCE = "operations.csv";

    private final List<Operation> operations;
    private final Map<String, Operation> byName = new HashMap<>();
    /** Per method and segment count, templates with literal segments before parameters. */
    private final Map<String, List<CompiledTemplate>> byShape = new HashMap<>();

    private OperationTable(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        for (Operation operation : operations) {
            if (byName.put(operation.name(), operation) != null) {
                throw new IllegalStateException("operation listed twice: " + operation.name());
            }
            CompiledTemplate template = new CompiledTemplate(operation);
            byShape.computeIfAbsent(shape(operation.method(), template.segments.length), k -> new ArrayList<>())
                    .add(template);
        }
        byShape.values().forEach(list -> list.sort(Comparator.comparingInt(CompiledTemplate::parameterCount)));
    }

    public static OperationTable load() {
        try (InputStream in = OperationTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OperationTable parse(List<String> lines) {
        List<Operation> operations = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 9) {
                throw new IllegalStateException("bad operation line: " + line);
            }
            operations.add(new Operation(cells[0], cells[1], cells[2], cells[3],
                    Operation.CallerRule.parse(cells[4]), Integer.parseInt(cells[5]), cells[6],
                    ServiceTypeSource.parse(cells[7]), ReplayRule.parse(cells[8])));
        }
        return new OperationTable(operations);
    }

    public List<Operation> all() {
        return operations;
    }

    public Optional<Operation> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The operation a request addresses, with its path parameters; empty when no operation has that shape. */
    public Optional<Match> match(String method, String rawPath) {
        String[] segments = splitPath(rawPath);
        if (segments == null) {
            return Optional.empty();
        }
        List<CompiledTemplate> candidates = byShape.get(shape(method, segments.length));
        if (candidates == null) {
            return Optional.empty();
        }
        for (CompiledTemplate candidate : candidates) {
            Match match = candidate.match(segments);
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    /** The segments of an absolute path without empty segments; null when it has any (e.g. {@code //}). */
    private static String[] splitPath(String rawPath) {
        if (rawPath == null || rawPath.length() < 2 || rawPath.charAt(0) != '/') {
            return null;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return null;
            }
        }
        return segments;
    }

    private static String shape(String method, int segmentCount) {
        return method + " " + segmentCount;
    }

    /**
     * A request matched to its operation: the names of its path parameters ({@link Operation#pathParameters}) and
     * their raw (still encoded) values, in the template's order.
     */
    public record Match(Operation operation, List<String> pathParameters, List<String> pathValues) {
    }

    private record CompiledTemplate(Operation operation, String[] segments, List<String> pathParameters) {

        CompiledTemplate(Operation operation) {
            this(operation, operation.segments().toArray(String[]::new), operation.pathParameters());
        }

        int parameterCount() {
            return pathParameters.size();
        }

        Match match(String[] path) {
            List<String> values = null;
            for (int i = 0; i < segments.length; i++) {
                if (Operation.isParameter(segments[i])) {
                    if (values == null) {
                        values = new ArrayList<>(2);
                    }
                    values.add(path[i]);
                } else if (!segments[i].equals(path[i])) {
                    return null;
                }
            }
            return new Match(operation, pathParameters, values == null ? List.of() : values);
        }
    }
}
