package dev.lifeline.contact.bulk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    private static List<List<String>> all(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            List<String> row;
            while ((row = csv.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        assertThat(
                        all(
                                "\uFEFFname,email\r\n\"Lovelace, Ada\",ada@example.com\r\n\"Say \"\"hi\"\"\nthere\",\r\n\nlast,x"))
                .containsExactly(
                        List.of("name", "email"),
                        List.of("Lovelace, Ada", "ada@example.com"),
                        List.of("Say \"hi\"\nthere", ""),
                        List.of("last", "x"));
    }

    @Test
    void rowNumbersCountLikeASpreadsheet() throws IOException {
        try (CsvReader csv = new CsvReader(new StringReader("h\n\"a\nb\"\nc\n"))) {
            csv.next();
            assertThat(csv.row()).isEqualTo(1);
            csv.next();
            assertThat(csv.row()).isEqualTo(2);
            csv.next();
            assertThat(csv.row()).isEqualTo(3);
        }
    }

    @Test
    void anUnclosedQuoteIsAnErrorAtItsRow() {
        assertThatThrownBy(() -> all("name,email\nok,a@example.com\n\"broken,b@example.com\nmore,c@example.com\n"))
                .isInstanceOf(CsvReader.FormatException.class)
                .satisfies(e -> assertThat(((CsvReader.FormatException) e).row).isEqualTo(3));
    }

    @Test
    void strayQuotesAreErrors() {
        assertThatThrownBy(() -> all("a,b\nx\"y,z\n")).isInstanceOf(CsvReader.FormatException.class);
        assertThatThrownBy(() -> all("a,b\n\"x\"y,z\n")).isInstanceOf(CsvReader.FormatException.class);
    }
}
