package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.InvalidFieldException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a whole upload once, before anything is imported: a file that is not UTF-8, not CSV, or has columns we do
 * not know is refused as a whole, so a broken file never leaves half its rows behind.
 */
public final class UploadCheck {

    private UploadCheck() {}

    /** @return the number of data rows (records after the header) */
    public static long check(Path file, ImportColumns.Unknown unknown) throws IOException {
        try (CsvReader csv = open(file)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new InvalidFieldException("header", "the file is empty; the first row must name the columns");
            }
            ImportColumns.of(header, unknown);
            long rows = 0;
            while (csv.next() != null) {
                rows++;
            }
            return rows;
        } catch (CsvReader.FormatException e) {
            throw new InvalidFieldException("row " + e.row, e.getMessage());
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("encoding", "the file is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    /** A strict UTF-8 reader: invalid bytes fail instead of turning into replacement characters. */
    public static CsvReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new CsvReader(new BufferedReader(reader, 65_536));
    }
}
