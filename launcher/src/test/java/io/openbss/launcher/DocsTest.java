package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md and every docs/*.md page say only what exists: the repository paths they name in backticks or links, the
 * {@code ./bss} commands, the {@code BSS_*} variables the code reads, their relative links; the README stays a front
 * door of at most 150 lines whose test command CI runs. A failure names the file, the line and what is missing.
 */
class DocsTest {

    static final Path ROOT = repositoryRoot();
    static final int README_MAX_LINES = 150;

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern BSS_COMMAND = Pattern.compile("(?<![\\w/.])\\./bss\\s+([a-z][\\w-]*)");
    private static final Pattern BSS_VARIABLE = Pattern.compile("(?<![A-Za-z0-9_])BSS_[A-Z0-9_]*");
    private static final Pattern FILE_EXTENSION = Pattern.compile(
            ".*\\.(md|java|csv|sql|properties|xml|yaml|yml|json|sh|txt|lua|html)$");
    private static final Pattern NOT_A_PATH = Pattern.compile(".*(\\s|://|[=<>{}*|$?:\"'#]).*");

    @Test
    void theReadmeIsAFrontDoorOfAtMost150Lines() {
        assertThat(lines(ROOT.resolve("README.md"))).as("README.md lines").hasSizeLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void ciRunsTheReadmesTestCommand() {
        List<String> readme = lines(ROOT.resolve("README.md"));
        List<String> ci = lines(ROOT.resolve(".ci/run"));
        assertThat(readme).as("README.md names the test command").contains("./bss test");
        assertThat(ci).as(".ci/run calls the README's test command").contains("./bss test");
    }

    @Test
    void everyRepositoryPathInBackticksOrLinksExists() {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            forEachProseLine(page, (number, line) -> {
                for (String span : matches(CODE_SPAN, line)) {
                    if (isRepositoryPath(span) && !exists(span)) {
                        missing.add(where(page, number) + "no such path `" + span + "`");
                    }
                }
            });
        }
        assertThat(missing).as("paths the pages name that the repository does not have").isEmpty();
    }

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            forEachProseLine(page, (number, line) -> {
                for (String target : matches(LINK, line)) {
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    if (file.isEmpty() || target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    Path resolved = page.getParent().resolve(file).normalize();
                    if (!Files.exists(resolved)) {
                        broken.add(where(page, number) + "link to " + target + " resolves to nothing");
                    }
                }
            });
        }
        assertThat(broken).as("relative links that resolve to nothing").isEmpty();
    }

    @Test
    void everyBssCommandIsALauncherCommand() {
        Set<String> commands = new TreeSet<>(Main.commandNames());
        commands.addAll(scriptCommands());
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = lines(page);
            for (int i = 0; i < lines.size(); i++) {
                for (String command : matches(BSS_COMMAND, lines.get(i))) {
                    if (!commands.contains(command)) {
                        unknown.add(where(page, i + 1) + "./bss " + command + " is no command (known: " + commands
                                + ")");
                    }
                }
            }
        }
        assertThat(unknown).as("./bss commands that the launcher does not have").isEmpty();
    }

    @Test
    void everyBssVariableIsReadByTheCodeOrItsConfiguration() {
        ConfigurationIndex index = ConfigurationIndex.read();
        List<String> unread = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = lines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher variable = BSS_VARIABLE.matcher(lines.get(i));
                while (variable.find()) {
                    if (!index.reads(variable.group())) {
                        unread.add(where(page, i + 1) + variable.group() + " is read nowhere in the code or its"
                                + " configuration");
                    }
                }
            }
        }
        assertThat(unread).as("BSS_* variables that nothing reads").isEmpty();
    }

    @Test
    void theOperationsPageListsEveryOperationOfTheTable() {
        String operations = String.join("\n", lines(ROOT.resolve("docs/operations.md")));
        List<String> absent = new ArrayList<>();
        for (Operation operation : OperationTable.load().all()) {
            if (!operations.contains("| " + operation.name() + " |")) {
                absent.add("docs/operations.md: no row for " + operation.name() + " (" + operation.method() + " "
                        + operation.pathTemplate() + ", " + operation.service() + ")");
            }
        }
        assertThat(absent).as("operations of operations.csv that docs/operations.md does not list").isEmpty();
    }

    /** A span names a file of the repository when it starts with one of its top-level entries or is a file name. */
    static boolean isRepositoryPath(String span) {
        if (NOT_A_PATH.matcher(span).matches() || !span.contains("/") || span.startsWith("/")
                || span.startsWith(".bss") || span.startsWith("~")) {
            return false;
        }
        if (List.of(span.split("/")).contains("target")) {
            return false;
        }
        String first = span.substring(0, span.indexOf('/'));
        return Files.exists(ROOT.resolve(first)) || FILE_EXTENSION.matcher(span).matches();
    }

    /**
     * Whether the path exists; {@code ...} stands for any directories in between, and a last segment without an
     * extension may name a source file ({@code e2e-tests/.../BssintlOperationsTest}).
     */
    static boolean exists(String path) {
        String clean = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int elided = clean.indexOf("/.../");
        if (elided < 0) {
            return existsWithOrWithoutExtension(ROOT.resolve(clean));
        }
        Path base = ROOT.resolve(clean.substring(0, elided));
        String tail = clean.substring(elided + "/.../".length());
        if (!Files.isDirectory(base)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> !List.of(base.relativize(p).toString().split("/")).contains("target"))
                    .anyMatch(p -> p.toString().endsWith("/" + tail) || p.toString().endsWith("/" + tail + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean existsWithOrWithoutExtension(Path path) {
        return Files.exists(path) || Files.exists(path.resolveSibling(path.getFileName() + ".java"));
    }

    /** The commands the {@code bss} script runs without the launcher: its {@code case} labels. */
    static Set<String> scriptCommands() {
        Set<String> commands = new HashSet<>();
        Pattern label = Pattern.compile("^  ([a-z|-]+)\\)$");
        for (String line : lines(ROOT.resolve("bss"))) {
            Matcher matcher = label.matcher(line);
            if (matcher.matches()) {
                commands.addAll(List.of(matcher.group(1).split("\\|")));
            }
        }
        return commands;
    }

    /**
     * What the code reads: the text of every main source and resource, the launcher script, CI and the POMs (where a
     * variable is named), the keys of every application.properties and the properties of every {@code @ConfigMapping}
     * (which Quarkus also reads from the variable of the same name in upper case with underscores).
     */
    record ConfigurationIndex(String sources, Set<String> propertyVariables, Set<String> mappingPrefixes,
            Set<String> mappingMethods) {

        private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
        private static final Pattern MAPPING_METHOD = Pattern.compile("^\\s+[\\w<>,.? ]+\\s+(\\w+)\\(\\);",
                Pattern.MULTILINE);

        static ConfigurationIndex read() {
            StringBuilder sources = new StringBuilder();
            Set<String> propertyVariables = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            Set<String> methods = new HashSet<>();
            for (Path file : codeFiles()) {
                String text = String.join("\n", lines(file));
                sources.append(text).append('\n');
                if (file.getFileName().toString().equals("application.properties")) {
                    for (String line : lines(file)) {
                        if (!line.startsWith("#") && line.contains("=")) {
                            String key = line.substring(0, line.indexOf('=')).trim().replaceFirst("^%[\\w-]+\\.", "");
                            propertyVariables.add(variable(key));
                        }
                    }
                }
                if (file.toString().endsWith(".java") && (text.contains("@ConfigMapping")
                        || file.getFileName().toString().endsWith("Config.java"))) {
                    MAPPING_PREFIX.matcher(text).results().forEach(m -> prefixes.add(variable(m.group(1)) + "_"));
                    MAPPING_METHOD.matcher(text).results().forEach(m -> methods.add(m.group(1)));
                }
            }
            return new ConfigurationIndex(sources.toString(), propertyVariables, prefixes, methods);
        }

        /** A name, or a prefix ending in {@code _}, that the code reads. */
        boolean reads(String name) {
            if (name.endsWith("_")) {
                return sources.contains(name);
            }
            return Pattern.compile("(?<![A-Za-z0-9_])" + name + "(?![A-Za-z0-9_])").matcher(sources).find()
                    || propertyVariables.contains(name) || isMappingProperty(name) || isComposed(name);
        }

        /** {@code BSS_ORDERS_PAYMENT_WINDOW}: a mapping's prefix, then its methods' names in upper snake case. */
        private boolean isMappingProperty(String name) {
            for (String prefix : mappingPrefixes) {
                if (name.startsWith(prefix) && splitsIntoMethods(name.substring(prefix.length()).split("_"), 0)) {
                    return true;
                }
            }
            return false;
        }

        private boolean splitsIntoMethods(String[] words, int from) {
            if (from == words.length) {
                return true;
            }
            StringBuilder method = new StringBuilder(words[from].toLowerCase(Locale.ROOT));
            for (int end = from + 1; end <= words.length; end++) {
                if (mappingMethods.contains(method.toString()) && splitsIntoMethods(words, end)) {
                    return true;
                }
                if (end < words.length) {
                    method.append(words[end].charAt(0)).append(words[end].substring(1).toLowerCase(Locale.ROOT));
                }
            }
            return false;
        }

        /** {@code BSS_SUB2_DOMAIN_ID}: a prefix the code names ({@code "BSS_SUB2_"}) and the rest as a literal. */
        private boolean isComposed(String name) {
            for (int cut = name.indexOf('_'); cut > 0; cut = name.indexOf('_', cut + 1)) {
                if (sources.contains("\"" + name.substring(0, cut + 1) + "\"")
                        && sources.contains("\"" + name.substring(cut + 1) + "\"")) {
                    return true;
                }
            }
            return false;
        }

        private static String variable(String property) {
            return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }

        private static List<Path> codeFiles() {
            List<Path> files = new ArrayList<>(List.of(ROOT.resolve("bss"), ROOT.resolve(".ci/run"),
                    ROOT.resolve("pom.xml")));
            try (Stream<Path> modules = Files.list(ROOT)) {
                for (Path module : modules.filter(m -> Files.exists(m.resolve("pom.xml"))).toList()) {
                    files.add(module.resolve("pom.xml"));
                    Path main = module.resolve("src/main");
                    if (Files.isDirectory(main)) {
                        try (Stream<Path> sources = Files.walk(main)) {
                            sources.filter(Files::isRegularFile).filter(DocsTest::isText).forEach(files::add);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return files;
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".properties") || name.endsWith(".sql")
                || name.endsWith(".csv") || name.endsWith(".lua") || name.endsWith(".html") || name.endsWith(".js")
                || name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".xml") || name.endsWith(".sh")
                || name.endsWith(".txt");
    }

    /** README.md and every page of docs/. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private interface LineVisitor {
        void visit(int number, String line);
    }

    /** The lines outside fenced code blocks, numbered from 1. */
    private static void forEachProseLine(Path page, LineVisitor visitor) {
        List<String> lines = lines(page);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                visitor.visit(i + 1, lines.get(i));
            }
        }
    }

    private static List<String> matches(Pattern pattern, String line) {
        return pattern.matcher(line).results().map(m -> m.group(1)).toList();
    }

    private static String where(Path page, int line) {
        return ROOT.relativize(page) + ":" + line + ": ";
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the parent POM and the {@code bss} script, from the module's directory up. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("bss")) && Files.exists(dir.resolve(".ci/run"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
