package io.openbss.console.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Column;
import io.openbss.console.tables.Csv;
import io.openbss.console.tables.TableView;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Rows of an admin API answer as the table tag shows them, and as CSV: the generic table pages read the public API
 * with a customer's token, these read the admin API with the operator's. Headings are the texts
 * {@code op_col_<field>}, codes {@code op_code_<set>_<value>}.
 */
final class AdminTable {

    private AdminTable() {
    }

    static List<List<TableView.Cell>> rows(Session session, JsonNode items, List<Column> columns) {
        Formats formats = new Formats(session);
        List<List<TableView.Cell>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            List<TableView.Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                cells.add(cell(session, formats, column, item));
            }
            rows.add(cells);
        }
        return rows;
    }

    static List<String> headings(Session session, List<Column> columns) {
        return columns.stream().map(column -> Texts.get(session.language(), "op_" + column.label())).toList();
    }

    /** A heading of the answer's field names, then each row's values as the admin API answered them. */
    static void csv(StringBuilder csv, JsonNode items, List<Column> columns, boolean heading) {
        if (heading) {
            StringJoiner names = new StringJoiner(",", "", "\r\n");
            columns.forEach(column -> names.add(column.field()));
            csv.append(names);
        }
        for (JsonNode item : items) {
            StringJoiner line = new StringJoiner(",", "", "\r\n");
            columns.forEach(column -> line.add(Csv.field(text(value(item, column)),
                    column.kind() == Column.Kind.MONEY)));
            csv.append(line);
        }
    }

    private static TableView.Cell cell(Session session, Formats formats, Column column, JsonNode item) {
        JsonNode value = value(item, column);
        return switch (column.kind()) {
            case MONEY -> new TableView.Cell(value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?")
                    ? formats.money(new java.math.BigDecimal(value.asText()), item.path("currency").asText("CNY"))
                    : formats.money(value, item.path("currency").asText("CNY")), null, true);
            case TIME -> new TableView.Cell(formats.time(value.asText("")), null, false);
            case CODE -> new TableView.Cell(Texts.of(session.language()).getOrDefault(
                    "op_code_" + column.target() + "_" + value.asText(""), value.asText("")), null, false);
            case LINK -> new TableView.Cell(value.asText(""),
                    column.target().replace("{value}", PublicApi.encode(value.asText(""))), false);
            case TEXT -> new TableView.Cell(text(value), null, value.isNumber());
        };
    }

    private static JsonNode value(JsonNode item, Column column) {
        return item.at("/" + column.field().replace('.', '/'));
    }

    /** A value as one line: an object's fields as {@code name=a,b; ...}, an array's items joined. */
    static String text(JsonNode value) {
        if (value.isObject()) {
            StringJoiner fields = new StringJoiner("; ");
            value.properties().forEach(field -> fields.add(field.getKey() + "=" + text(field.getValue())));
            return fields.toString();
        }
        if (value.isArray()) {
            StringJoiner items = new StringJoiner(",");
            value.forEach(item -> items.add(text(item)));
            return items.toString();
        }
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }
}
