package io.openbss.common.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The placeholders of several rows name each parameter once, in order, row by row, as the parameters are laid out. */
class SqlRowsTest {

    private static final Pattern ROW = Pattern.compile("\\(([^()]*)\\)");

    @Property(tries = 500)
    void eachRowTakesTheNextParametersInOrder(@ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 30) int columns) {
        SqlRows written = SqlRows.of(table(rows, columns));

        Matcher matcher = ROW.matcher(written.values());
        int row = 0;
        while (matcher.find()) {
            String[] placeholders = matcher.group(1).split(", ");
            assertThat(placeholders).hasSize(columns);
            for (int column = 0; column < columns; column++) {
                int position = Integer.parseInt(placeholders[column].substring(1));
                // $n is the n-th parameter, 1-based
                assertThat(written.parameters().getValue(position - 1)).isEqualTo(row + ":" + column);
            }
            row++;
        }
        assertThat(row).isEqualTo(rows);
        assertThat(written.parameters().size()).isEqualTo(rows * columns);
        assertThat(written.values().replaceAll("\\(\\$\\d+(, \\$\\d+)*\\)(, )?", "")).isEmpty();
    }

    @Test
    void rowsOfDifferentWidthsNoRowsOrMoreParametersThanPostgresqlTakesAreRefused() {
        assertThatThrownBy(() -> SqlRows.of(List.of(List.of(1, 2), List.of(3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlRows.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlRows.of(table(2428, 27))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SqlRows.of(table(2427, 27)).values()).endsWith("$65529)");
    }

    /** {@code rows} rows of {@code columns} cells, each naming its row and column. */
    private static List<List<Object>> table(int rows, int columns) {
        List<List<Object>> table = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<Object> cells = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                cells.add(row + ":" + column);
            }
            table.add(cells);
        }
        return table;
    }
}
