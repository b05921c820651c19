package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ContactInput;
import org.junit.jupiter.api.Test;

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
}
