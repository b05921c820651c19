package dev.lifeline.console.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvHeadTest {

    @Test
    void theHeaderIsReadWithQuotesAndABom_andOnlyItIsReplaced_byteForByteAfterIt() throws Exception {
        String data = "Zoë,\"a@example.com\",\"line\nbreak\"\r\nBob,b@example.com,x\r\n";
        Path file = write("\uFEFF\"Näme\",E-Mail,\"Note, \"\"quoted\"\"\"\r\n" + data);

        CsvHead.Head head = CsvHead.read(file, 2);
        Path mapped = new UploadSpool().withHeader(file, head.dataOffset(), List.of("name", "email", "attr.Note"));

        assertThat(head.columns()).containsExactly("Näme", "E-Mail", "Note, \"quoted\"");
        assertThat(head.samples().get(0)).containsExactly("Zoë", "a@example.com", "line\nbreak");
        assertThat(Files.readString(mapped)).isEqualTo("\"name\",\"email\",\"attr.Note\"\r\n" + data);
        Files.delete(mapped);
    }

    @Test
    void aFileThatIsNotUtf8_orEmpty_orWithAnOpenQuote_isUnreadableWithAReason() throws Exception {
        Path latin1 = Files.createTempFile("head", ".csv");
        Files.write(latin1, "Name\nJürgen\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> CsvHead.read(latin1, 1)).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CsvHead.read(write(""), 1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvHead.read(write("\"Name,Email\n"), 1)).hasMessageContaining("never closed");
    }

    private static Path write(String text) throws Exception {
        Path file = Files.createTempFile("head", ".csv");
        Files.writeString(file, text);
        return file;
    }
}
