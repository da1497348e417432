package io.openbss.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.e2e.HostileRunner.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every answer of the hostile suite must be (shared/api/errors.md): never a 5xx; an {@code X-Request-Id} on
 * every answer; a 4xx is the error envelope ({@code error_code}, {@code error_msg}) as JSON; a 2xx body is JSON (a
 * 204, Keystone's answer to a token revocation, has none); and
 * a hostile value in a path parameter, which names no object, never succeeds. And the report of what was not.
 */
final class AnswerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One broken rule: where (operation, parameter, value), the answer's status, which rule, the body's start. */
    record Violation(String operation, String parameter, String value, int status, String rule, String body) {

        static Violation of(Answer answer, String rule) {
            return of(answer, rule, answer.failure() != null ? answer.failure() : answer.body());
        }

        static Violation of(Answer answer, String rule, String detail) {
            return new Violation(answer.request().operation(), answer.request().parameter(),
                    answer.request().value(), answer.status(), rule, detail);
        }

        /** A violation found outside the answers (the ledger, the audit trail). */
        static Violation found(String operation, String rule, String detail) {
            return new Violation(operation, "", "", 0, rule, detail);
        }
    }

    private AnswerCheck() {
    }

    static List<Violation> check(Answer answer) {
        List<Violation> violations = new ArrayList<>();
        if (answer.failure() != null) {
            violations.add(Violation.of(answer, "no answer"));
            return violations;
        }
        int status = answer.status();
        String requestId = answer.header("X-Request-Id");
        if (requestId == null || requestId.isBlank()) {
            violations.add(Violation.of(answer, "no X-Request-Id"));
        }
        if (status >= 500) {
            violations.add(Violation.of(answer, "5xx"));
        } else if (status >= 400) {
            String envelope = envelopeProblem(answer);
            if (envelope != null) {
                violations.add(Violation.of(answer, "4xx without the error envelope (" + envelope + ")"));
            }
            if (status == 401 && answer.body().contains("reach the limit")) {
                violations.add(Violation.of(answer, "access key locked: the operation's later answers tell nothing"));
            }
        } else if (status >= 200 && status < 300) {
            if (status == 204 ? !answer.body().isEmpty() : json(answer.body()) == null) {
                violations.add(Violation.of(answer, status == 204 ? "204 with a body" : "2xx body not JSON"));
            }
            if (answer.request().pathValue()) {
                violations.add(Violation.of(answer, "hostile path parameter answered as a success"));
            }
        } else {
            violations.add(Violation.of(answer, "unexpected status"));
        }
        return violations;
    }

    /** What is wrong with a 4xx answer's envelope, or null when nothing is. */
    private static String envelopeProblem(Answer answer) {
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return "Content-Type " + contentType;
        }
        JsonNode body = json(answer.body());
        if (body == null || !body.isObject()) {
            return answer.body().isEmpty() ? "empty body" : "body not a JSON object";
        }
        if (!body.path("error_code").isTextual() || body.path("error_code").asText().isBlank()) {
            return "no error_code";
        }
        if (!body.path("error_msg").isTextual() || body.path("error_msg").asText().isBlank()) {
            return "no error_msg";
        }
        return null;
    }

    private static JsonNode json(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code hostile suite: N requests over M operations, 2xx a, 4xx b, 5xx c} (and those not answered). */
    static String tally(List<Answer> answers) {
        long operations = answers.stream().map(a -> a.request().operation()).distinct().count();
        Map<String, Long> byClass = answers.stream().collect(Collectors.groupingBy(a -> a.failure() != null ? "none"
                : a.status() / 100 + "xx", TreeMap::new, Collectors.counting()));
        StringBuilder tally = new StringBuilder("hostile suite: " + answers.size() + " requests over " + operations
                + " operations");
        for (String kind : List.of("2xx", "4xx", "5xx")) {
            tally.append(", ").append(kind).append(' ').append(byClass.getOrDefault(kind, 0L));
        }
        byClass.forEach((kind, count) -> {
            if (!List.of("2xx", "4xx", "5xx").contains(kind)) {
                tally.append(", ").append(kind.equals("none") ? "no answer" : kind).append(' ').append(count);
            }
        });
        return tally.toString();
    }

    /** How many answers had each status ({@code 0}: none). */
    static String statuses(List<Answer> answers) {
        return "by status: " + answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One line per answer: operation, parameter, value, status, the start of the body. */
    static String answers(List<Answer> answers) {
        StringBuilder lines = new StringBuilder();
        for (Answer a : answers) {
            lines.append(a.request().operation()).append('\t').append(a.request().parameter()).append('\t')
                    .append(a.request().value()).append('\t').append(a.status()).append('\t')
                    .append(printable(a.failure() != null ? a.failure() : a.body())).append('\n');
        }
        return lines.toString();
    }

    /** Every violation, by operation, then by rule and status; one line each with the start of the body. */
    static String report(List<Violation> violations) {
        StringBuilder report = new StringBuilder();
        Map<String, List<Violation>> byOperation = violations.stream().collect(Collectors.groupingBy(
                Violation::operation, TreeMap::new, Collectors.toList()));
        report.append(violations.size()).append(" violations in ").append(byOperation.size())
                .append(" operations\n");
        violations.stream().collect(Collectors.groupingBy(Violation::rule, TreeMap::new, Collectors.counting()))
                .forEach((rule, count) -> report.append("  ").append(rule).append(": ").append(count).append('\n'));
        byOperation.forEach((operation, found) -> {
            report.append('\n').append(operation).append(" (").append(found.size()).append(")\n");
            Map<String, List<Violation>> byRule = found.stream().collect(Collectors.groupingBy(
                    v -> v.rule() + (v.status() == 0 ? "" : ", status " + v.status()), TreeMap::new,
                    Collectors.toList()));
            byRule.forEach((rule, list) -> {
                report.append("  ").append(rule).append(" (").append(list.size()).append(")\n");
                list.stream().sorted(Comparator.comparing(Violation::parameter)).forEach(v -> report.append("    ")
                        .append(v.parameter().isEmpty() ? "" : v.parameter() + " = " + v.value() + ": ")
                        .append(printable(v.body())).append('\n'));
            });
        });
        return report.toString();
    }

    /** The first 200 characters, control characters shown as escapes. */
    static String printable(String text) {
        String start = text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
        StringBuilder out = new StringBuilder(start.length());
        start.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.isEmpty() ? "(empty body)" : out.toString();
    }
}
