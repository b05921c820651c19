package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ContactInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportColumnsTest {

    @Test
    void mapsColumnsByHeaderInAnyOrderAndSpelling() {
        ImportColumns columns =
                ImportColumns.of(List.of("E-Mail", " Name ", "SMS consent", "tags", "attr.shoe size", "Phone"));
        ContactInput input = columns.toInput(List.of("ada@example.com", "Ada", "yes", "vip; gold", "38", ""));
        assertThat(input.email()).isEqualTo("ada@example.com");
        assertThat(input.name()).isEqualTo("Ada");
        assertThat(input.phone()).isNull();
        assertThat(input.consents().sms()).isTrue();
        assertThat(input.consents().email()).isNull();
        assertThat(input.tags()).containsExactly("vip", "gold");
        assertThat(input.attributes()).isEqualTo(Map.of("shoe size", "38"));
        assertThat(input.source()).isEqualTo("import");
    }

    @Test
    void unknownRepeatedOrMissingKeyColumnsAreRefused() {
        assertThatThrownBy(() -> ImportColumns.of(List.of("email", "favourite colour")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("favourite colour");
        assertThatThrownBy(() -> ImportColumns.of(List.of("email", "E-mail")))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> ImportColumns.of(List.of("name", "tags")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("email or a phone");
    }

    @Test
    void rowsOfTheWrongWidthAndBadFlagsNameTheProblem() {
        ImportColumns columns = ImportColumns.of(List.of("email", "email_consent"));
        assertThatThrownBy(() -> columns.toInput(List.of("a@example.com")))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("row");
        assertThatThrownBy(() -> columns.toInput(List.of("a@example.com", "perhaps")))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("email_consent");
    }

    @Test
    void formulaLikeCellsAreDefusedOnExport() {
        assertThat(ExportResource.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExportResource.cell("+4915112345678")).isEqualTo("+4915112345678");
        assertThat(ExportResource.cell("Lovelace, Ada")).isEqualTo("\"Lovelace, Ada\"");
    }

    @Test
    void unknownColumnsAreSkippedOrKeptAsAttributes_whenTheUploaderSaysSo() {
        List<String> header = List.of("Email", "Total Spent", "", "Note");
        List<String> row = List.of("ada@example.com", "12.50", "x", "likes tea");

        ContactInput ignored =
                ImportColumns.of(header, ImportColumns.Unknown.IGNORE).toInput(row);
        ContactInput kept =
                ImportColumns.of(header, ImportColumns.Unknown.ATTRIBUTES).toInput(row);

        assertThat(ignored.email()).isEqualTo("ada@example.com");
        assertThat(ignored.attributes()).isNull();
        assertThat(kept.attributes()).isEqualTo(Map.of("Total Spent", "12.50", "Note", "likes tea"));
    }

    @Test
    void moreAttributeColumnsThanAContactHolds_isRefusedAsAWhole() {
        List<String> header = new ArrayList<>(List.of("email"));
        for (int i = 0; i <= ImportColumns.MAX_ATTRIBUTES; i++) {
            header.add("extra " + i);
        }
        assertThatThrownBy(() -> ImportColumns.of(header, ImportColumns.Unknown.ATTRIBUTES))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("more than 30 attribute columns");
        assertThatThrownBy(() -> ImportColumns.Unknown.parse("keep"))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("unknownColumns");
    }

    @Test
    void firstAndLastNameMakeTheName_andARowsCountryReadsItsPhoneNumber() {
        ImportColumns columns = ImportColumns.of(List.of("First Name", "Last Name", "Phone", "Country"));

        ContactInput british = columns.toInput(List.of("Ada", "Lovelace", "07400 123456", "GB"));
        ContactInput american = columns.toInput(List.of("Grace", "", "(201) 555-0123", "United States"));
        ContactInput international = columns.toInput(List.of("", "Hopper", "'+49 151 12345678", "GB"));

        assertThat(british.name()).isEqualTo("Ada Lovelace");
        assertThat(ImportColumns.of(List.of("email", "Tags"))
                        .toInput(List.of("a@example.com", "vip, gold;x"))
                        .tags())
                .containsExactly("vip", "gold", "x");
        assertThat(british.phone()).isEqualTo("+447400123456");
        assertThat(american.name()).isEqualTo("Grace");
        assertThat(american.phone()).isEqualTo("+12015550123");
        assertThat(international.name()).isEqualTo("Hopper");
        assertThat(international.phone()).isEqualTo("+49 151 12345678");
        assertThatThrownBy(() -> columns.toInput(List.of("A", "B", "07400 123456", "Atlantis")))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("country");
    }
}
