package io.openbss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a module's SQL for the rule that keeps its lifecycles explicit: a status is written only by a state-machine
 * class (one named {@code *Transitions}), and no SQL anywhere spells a status or type code; codes are bound as
 * parameters from the enums. It reads the string literals and text blocks of the main sources.
 */
public final class StateMachineRule {

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern UPDATE_SET = Pattern.compile(
            "\\bUPDATE\\s+\\w+(?:\\s+(?!SET\\b)\\w+)?\\s+SET\\b(.*?)(?=\\bWHERE\\b|\\bFROM\\b|\\bRETURNING\\b|$)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT = Pattern.compile("\\bINSERT\\s+INTO\\s+\\w+\\s*\\(([^)]*)\\)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUND = Pattern.compile("\\$\\d+(?:::\\w+(?:\\[\\])?)?");

    private StateMachineRule() {
    }

    /** Every breach of the rule in the Java sources under {@code root}, each naming its file. */
    public static List<String> violations(Path root, Set<String> columns) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                boolean stateMachine = file.getFileName().toString().endsWith("Transitions.java");
                for (String sql : literals(Files.readString(file))) {
                    violations(sql, columns, stateMachine).forEach(v -> found.add(root.relativize(file) + ": " + v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The breaches in one piece of SQL; {@code stateMachine} when it belongs to a state-machine class. */
    public static List<String> violations(String sql, Set<String> columns, boolean stateMachine) {
        List<String> found = new ArrayList<>();
        String names = String.join("|", columns);
        Matcher compared = Pattern.compile("(?i)\\b(?:" + names + ")\\s*(?:=|<>|!=|<|>)\\s*[0-9']").matcher(sql);
        while (compared.find()) {
            found.add("a code compared as a literal: " + compared.group());
        }
        Matcher listed = Pattern.compile("(?i)\\b(?:" + names + ")\\s+(?:NOT\\s+)?IN\\s*\\(\\s*[0-9']").matcher(sql);
        while (listed.find()) {
            found.add("codes listed as literals: " + listed.group());
        }
        Matcher update = UPDATE_SET.matcher(sql);
        while (update.find()) {
            if (!stateMachine && Pattern.compile("(?i)\\bstatus\\s*=").matcher(update.group(1)).find()) {
                found.add("a status written outside a state machine: " + oneLine(update.group()));
            }
        }
        Matcher insert = INSERT.matcher(sql);
        while (insert.find()) {
            List<String> targets = split(insert.group(1));
            List<String> values = insertedValues(sql, insert.end());
            for (int i = 0; i < targets.size() && i < values.size(); i++) {
                String column = targets.get(i).toLowerCase(Locale.ROOT);
                if (columns.contains(column) && !BOUND.matcher(values.get(i)).matches()) {
                    found.add("a code inserted as a literal: " + column + " = " + values.get(i));
                }
            }
        }
        return found;
    }

    private static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            literals.add(blocks.group(1));
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        return literals;
    }

    /** The values of {@code VALUES (...)} or the select list of {@code SELECT ... FROM} after an INSERT's columns. */
    private static List<String> insertedValues(String sql, int from) {
        String rest = sql.substring(from);
        String upper = rest.toUpperCase(Locale.ROOT);
        if (upper.startsWith("VALUES")) {
            int open = rest.indexOf('(');
            return open < 0 ? List.of() : split(enclosed(rest, open));
        }
        if (upper.startsWith("SELECT")) {
            String list = rest.substring("SELECT".length());
            int end = topLevel(list.toUpperCase(Locale.ROOT), " FROM ");
            return split(end < 0 ? list : list.substring(0, end));
        }
        return List.of();
    }

    private static String enclosed(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        return text.substring(open + 1);
    }

    private static int topLevel(String text, String word) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && c == ',') {
                parts.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).trim());
        return parts;
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }
}
