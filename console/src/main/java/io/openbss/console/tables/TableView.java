package io.openbss.console.tables;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A table page as shown: headings, rows of written cells, the filters as given, paging and export links. */
@TemplateData
public record TableView(String id, List<String> headings, List<List<Cell>> rows, long total, int offset, int limit,
        List<FilterView> filters, String previous, String next, String csv, String error) {

    /** One written value; {@code href} set for links, {@code number} for right-aligned amounts. */
    @TemplateData
    public record Cell(String text, String href, boolean number) {
    }

    /** One filter as its form field shows it. */
    @TemplateData
    public record FilterView(String name, String label, String type, String value, List<Option> options) {
    }

    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    public int from() {
        return rows.isEmpty() ? 0 : offset + 1;
    }

    public int to() {
        return offset + rows.size();
    }
}
