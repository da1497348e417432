package io.openbss.console.tables;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.request.Language;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.BadParameter;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Reads a table page from its operation: one page of rows for the screen, or every row for a CSV file. The
 * filters are checked before anything is sent, and a bad one is named on the page, as the API would name it.
 */
@ApplicationScoped
public class TableReader {

    static final int PAGE_SIZE = 10;
    static final int EXPORT_PAGE_SIZE = 100;
    static final int EXPORT_MAX_ROWS = 10_000;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");

    @Inject
    PublicApi api;

    public TableView read(Session session, TablePage page, Map<String, String> given, String basePath) {
        Map<String, String> filters;
        int offset;
        int limit;
        try {
            filters = filters(session, page, given);
            offset = number(given.get("offset"), 0, 0, Integer.MAX_VALUE, "offset");
            limit = number(given.get("limit"), PAGE_SIZE, 1, EXPORT_PAGE_SIZE, "limit");
        } catch (BadParameter bad) {
            return empty(session, page, given, basePath, Texts.get(session.language(), "bad_filter") + " "
                    + bad.getMessage());
        }
        TablePage.Request request = page.shape().request(filters, offset, limit);
        ApiAnswer answer = api.call(session, page.operation(), request.parameters(), request.body());
        if (!answer.ok()) {
            return empty(session, page, filters, basePath, answer.error());
        }
        Formats formats = new Formats(session);
        List<List<TableView.Cell>> rows = new ArrayList<>();
        for (JsonNode item : answer.get(page.items())) {
            List<TableView.Cell> cells = new ArrayList<>();
            for (Column column : page.columns()) {
                cells.add(cell(session.language(), formats, column, item));
            }
            rows.add(cells);
        }
        long total = total(answer).asLong(rows.size());
        String query = queryString(filters);
        String previous = offset > 0 ? basePath + "?" + query + "offset=" + Math.max(0, offset - limit)
                + "&limit=" + limit : null;
        String next = offset + rows.size() < total && !rows.isEmpty()
                ? basePath + "?" + query + "offset=" + (offset + limit) + "&limit=" + limit : null;
        return new TableView(page.id(), headings(session, page), rows, total, offset, limit,
                filterViews(session, page, filters), previous, next, "/export/" + page.id() + ".csv?" + query, null);
    }

    /**
     * Every row the filters select (up to {@value #EXPORT_MAX_ROWS}), as CSV: a heading of the answer's field names,
     * then each row's values exactly as the API answered them.
     */
    public String csv(Session session, TablePage page, Map<String, String> given) {
        Map<String, String> filters = filters(session, page, given);
        StringBuilder csv = new StringBuilder();
        StringJoiner heading = new StringJoiner(",", "", "\r\n");
        page.columns().forEach(column -> heading.add(column.field()));
        csv.append(heading);
        int offset = 0;
        while (offset < EXPORT_MAX_ROWS) {
            TablePage.Request request = page.shape().request(filters, offset, EXPORT_PAGE_SIZE);
            ApiAnswer answer = api.call(session, page.operation(), request.parameters(), request.body());
            if (!answer.ok()) {
                throw new ExportRefused(answer.error());
            }
            JsonNode items = answer.get(page.items());
            for (JsonNode item : items) {
                StringJoiner line = new StringJoiner(",", "", "\r\n");
                page.columns().forEach(column -> line.add(Csv.field(value(item, column.field()).asText(""),
                        column.kind() == Column.Kind.MONEY)));
                csv.append(line);
            }
            offset += items.size();
            if (items.size() < EXPORT_PAGE_SIZE || offset >= total(answer).asLong(0)) {
                break;
            }
        }
        return csv.toString();
    }

    /** The API refused a page of an export: the file is not written. */
    public static class ExportRefused extends RuntimeException {
        public ExportRefused(String error) {
            super(error, null, false, false);
        }
    }

    private Map<String, String> filters(Session session, TablePage page, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Filter filter : page.filters()) {
            String value = given.containsKey(filter.name()) ? given.get(filter.name()).strip()
                    : filter.initial().apply(session.zone());
            boolean valid = switch (filter.kind()) {
                case MONTH -> value.isEmpty() || MONTH.matcher(value).matches();
                case DATE -> value.isEmpty() || DATE.matcher(value).matches();
                case CHOICE -> value.isEmpty() || filter.options().contains(value);
                case TEXT -> value.length() <= 128 && value.codePoints().noneMatch(Character::isISOControl);
            };
            if (!valid) {
                throw new BadParameter(filter.name());
            }
            values.put(filter.name(), value);
        }
        return values;
    }

    private static int number(String value, int absent, int min, int max, String name) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new BadParameter(name);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameter(name);
        }
    }

    private TableView empty(Session session, TablePage page, Map<String, String> filters, String basePath,
            String error) {
        Map<String, String> shown = new LinkedHashMap<>();
        page.filters().forEach(filter -> shown.put(filter.name(), filters.getOrDefault(filter.name(), "")));
        return new TableView(page.id(), headings(session, page), List.of(), 0, 0, PAGE_SIZE,
                filterViews(session, page, shown), null, null, null, error);
    }

    private static List<String> headings(Session session, TablePage page) {
        return page.columns().stream().map(column -> Texts.get(session.language(), column.label())).toList();
    }

    private static List<TableView.FilterView> filterViews(Session session, TablePage page,
            Map<String, String> values) {
        Map<String, String> texts = Texts.of(session.language());
        return page.filters().stream().map(filter -> {
            String value = values.getOrDefault(filter.name(), "");
            List<TableView.Option> options = new ArrayList<>();
            if (filter.kind() == Filter.Kind.CHOICE) {
                options.add(new TableView.Option("", texts.get("any"), value.isEmpty()));
                filter.options().forEach(option -> options.add(new TableView.Option(option,
                        texts.getOrDefault("code_" + filter.codeSet() + "_" + option, option), option.equals(value))));
            }
            String type = switch (filter.kind()) {
                case MONTH -> "month";
                case DATE -> "date";
                case CHOICE -> "select";
                case TEXT -> "text";
            };
            return new TableView.FilterView(filter.name(), texts.get(filter.label()), type, value, options);
        }).toList();
    }

    private static TableView.Cell cell(Language language, Formats formats, Column column, JsonNode item) {
        JsonNode value = value(item, column.field());
        return switch (column.kind()) {
            case MONEY -> new TableView.Cell(formats.money(value, item.path("currency").asText("CNY")), null, true);
            case TIME -> new TableView.Cell(formats.time(value.asText("")), null, false);
            case CODE -> new TableView.Cell(Texts.of(language).getOrDefault(
                    "code_" + column.target() + "_" + value.asText(""), value.asText("")), null, false);
            case LINK -> new TableView.Cell(value.asText(""),
                    column.target().replace("{value}", PublicApi.encode(value.asText(""))), false);
            case TEXT -> new TableView.Cell(value.asText(""), null, false);
        };
    }

    /** How many rows match: {@code total_count}, or {@code count} where the operation names it so (coupons). */
    private static JsonNode total(ApiAnswer answer) {
        return answer.get("total_count").isMissingNode() ? answer.get("count") : answer.get("total_count");
    }

    static JsonNode value(JsonNode item, String field) {
        return item.at("/" + field.replace('.', '/'));
    }

    private static String queryString(Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> query.append(PublicApi.encode(name)).append('=')
                .append(PublicApi.encode(value)).append('&'));
        return query.toString();
    }
}
