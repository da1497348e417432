package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.Rfc3986;
import io.openbss.common.time.BssTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./bss audit [--domain-id X] [--operation Y] [--since 1h|30m|2d|<instant>] [--limit N] [--json]}: the
 * running platform's audit trail, newest first, as a table or as the admin API's JSON. Every filter of
 * {@code GET /admin/v1/audit} has its option.
 */
@Command(name = "audit", description = {"the audit trail, newest first: state-changing calls (refusals too) and admin "
        + "changes; as a table, or as the admin API's JSON"})
public final class AuditCommand implements Callable<Integer> {

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([mhd])");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final List<String> HEADERS = List.of("TIME (UTC)", "ACCOUNT", "CALLER", "OPERATION",
            "IDENTIFIERS", "RESULT", "REQUEST ID");
    /** Long identifier lists are cut here so that a row stays on one line; --json shows them whole. */
    static final int IDENTIFIERS_WIDTH = 48;

    /** A call's outcome, as the admin API names it. */
    enum Result {
        SUCCESS, FAILURE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--domain-id", paramLabel = "ID", description = "the account's calls")
    String domainId;
    @Option(names = "--user-id", paramLabel = "ID", description = "the user's calls")
    String userId;
    @Option(names = "--access-key", paramLabel = "AK", description = "the calls signed with this access key")
    String accessKey;
    @Option(names = "--operation", paramLabel = "NAME", description = "the calls of an operation or admin change, "
            + "e.g. PayOrders")
    String operation;
    @Option(names = "--request-id", paramLabel = "ID", description = "the call of this X-Request-Id")
    String requestId;
    @Option(names = "--resource-id", paramLabel = "ID", description = "the calls naming this order or resource")
    String resourceId;
    @Option(names = "--result", paramLabel = "success|failure", description = "the calls answered so")
    Result result;
    @Option(names = "--since", paramLabel = "30m|1h|2d|yyyy-MM-ddTHH:mm:ssZ", converter = PointInTime.class,
            description = "the calls since that long ago, or since that UTC time")
    Instant since;
    @Option(names = "--until", paramLabel = "30m|1h|2d|yyyy-MM-ddTHH:mm:ssZ", converter = PointInTime.class,
            description = "the calls before that long ago, or before that UTC time")
    Instant until;
    @Option(names = "--limit", paramLabel = "N", description = "at most N records (the admin API's default: 100)")
    Integer limit;
    @Option(names = "--offset", paramLabel = "N", description = "skip the N newest")
    Integer offset;
    @Option(names = "--json", description = "the admin API's answer as it is")
    boolean json;

    @Override
    public Integer call() {
        Optional<AdminClient> admin = RunningPlatform.admin(LocalSettings.current());
        if (admin.isEmpty()) {
            return 1;
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("domain_id", domainId);
        query.put("user_id", userId);
        query.put("access_key", accessKey);
        query.put("operation", operation);
        query.put("request_id", requestId);
        query.put("resource_id", resourceId);
        query.put("result", result);
        query.put("since", since == null ? null : BssTime.formatWire(since));
        query.put("until", until == null ? null : BssTime.formatWire(until));
        query.put("limit", limit);
        query.put("offset", offset);
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.add(name + "=" + Rfc3986.encode(value.toString()));
            }
        });
        AdminClient.Answer answer = admin.get().get("/admin/v1/audit" + parameters);
        if (!answer.ok()) {
            throw new LauncherException("the audit query was refused (" + answer.status() + "): "
                    + answer.body().path("error_msg").asText(answer.body().toString()));
        }
        System.out.println(json ? answer.body().toPrettyString() : table(answer.body(), offset == null ? 0 : offset));
        return 0;
    }

    /** {@code 30m}, {@code 1h} or {@code 2d} ago, or a UTC instant as the admin API takes it. */
    static final class PointInTime implements ITypeConverter<Instant> {

        @Override
        public Instant convert(String value) {
            return instant(value, Instant.now());
        }

        static Instant instant(String value, Instant now) {
            Matcher ago = AGO.matcher(value);
            if (ago.matches()) {
                long amount = Long.parseLong(ago.group(1));
                Duration span = switch (ago.group(2)) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
                return now.minus(span);
            }
            try {
                return BssTime.parseWire(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected 30m, 1h, 2d (that long ago) or a UTC time such as "
                        + "2025-01-31T08:00:00Z, not '" + value + "'");
            }
        }
    }

    /** The records of an answer as aligned columns, with how many there are in all. */
    static String table(JsonNode page, int offset) {
        JsonNode records = page.path("records");
        long total = page.path("total_count").asLong();
        if (records.isEmpty()) {
            return total == 0 ? "No audit records match." : "No records past offset " + offset + " (" + total
                    + " match).";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        records.forEach(record -> rows.add(List.of(TIME.format(Instant.parse(record.path("occurred_at").asText())),
                account(record), caller(record), record.path("operation").asText(), identifiers(record),
                result(record), record.path("request_id").asText())));
        int[] widths = new int[HEADERS.size()];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append(column == row.size() - 1 ? row.get(column)
                        : String.format("%-" + widths[column] + "s  ", row.get(column)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        int last = offset + records.size();
        out.append('\n').append("Records ").append(offset + 1).append('-').append(last).append(" of ").append(total)
                .append(", newest first");
        return out.append(last < total ? "; --offset " + last + " for more." : ".").toString();
    }

    private static String account(JsonNode record) {
        return text(record, "domain_name", text(record, "domain_id", "-"));
    }

    /** Who called: the admin, or the user (root for the account itself) and the key or token it used. */
    private static String caller(JsonNode record) {
        if (record.path("actor").asText().equals("admin")) {
            return "admin";
        }
        String credential = record.has("access_key") ? record.path("access_key").asText()
                : "token " + text(record, "token_id", "?");
        return text(record, "user_name", "root") + "/" + credential;
    }

    /** What the call named; for an admin change, first the key and user it was made to. */
    private static String identifiers(JsonNode record) {
        StringJoiner named = new StringJoiner(" ");
        if (record.path("actor").asText().equals("admin")) {
            if (record.has("access_key")) {
                named.add("access_key=" + record.path("access_key").asText());
            }
            if (record.has("user_id")) {
                named.add("user=" + text(record, "user_name", record.path("user_id").asText()));
            }
        }
        record.path("identifiers").properties().forEach(entry -> {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(value -> values.add(value.asText()));
            named.add(entry.getKey() + "=" + String.join(",", values));
        });
        String all = named.length() == 0 ? "-" : named.toString();
        if (record.path("identifiers_truncated").asBoolean()) {
            all += " ...";
        }
        return all.length() <= IDENTIFIERS_WIDTH ? all : all.substring(0, IDENTIFIERS_WIDTH - 3) + "...";
    }

    /** The answer's status and code; a call recorded before it was forwarded and never answered has neither. */
    private static String result(JsonNode record) {
        if (record.path("status").isNull()) {
            return "unanswered";
        }
        return record.path("status").asText() + (record.hasNonNull("error_code")
                ? " " + record.path("error_code").asText() : "");
    }

    private static String text(JsonNode record, String field, String otherwise) {
        return record.hasNonNull(field) ? record.path(field).asText() : otherwise;
    }
}
