package dev.lifeline.console.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of an uploaded CSV file: its header, a few rows to show beside it in the mapping step, and where in the
 * file (in bytes) the data starts, so that the header alone can be rewritten without reading the rest.
 */
public final class CsvHead {

    static final int MAX_COLUMNS = 200;
    static final int MAX_FIELD_CHARS = 10_000;

    /** A file the mapping step cannot read; the message goes next to the file field. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    public record Head(List<String> columns, List<List<String>> samples, long dataOffset) {}

    private final Reader in;
    private long bytes;
    private int pushedBack = -1;

    private CsvHead(Reader in) {
        this.in = in;
    }

    public static Head read(Path file, int sampleRows) throws IOException, Unreadable {
        try (Reader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            CsvHead csv = new CsvHead(reader);
            csv.skipBom();
            List<String> header = csv.record();
            if (header == null || header.stream().allMatch(String::isBlank)) {
                throw new Unreadable("The file is empty. Its first row must name the columns.");
            }
            long dataOffset = csv.bytes;
            List<List<String>> samples = new ArrayList<>();
            List<String> row;
            while (samples.size() < sampleRows && (row = csv.record()) != null) {
                samples.add(row);
            }
            return new Head(header.stream().map(String::strip).toList(), samples, dataOffset);
        } catch (CharacterCodingException e) {
            throw new Unreadable("The file is not UTF-8 text. Save it again as \"CSV UTF-8\" and upload that.");
        }
    }

    private void skipBom() throws IOException {
        int first = next();
        if (first != '\uFEFF' && first != -1) {
            pushedBack = first;
            bytes -= utf8Length(first);
        }
    }

    /** One record (RFC 4180: quotes, doubled quotes, line breaks inside quotes); null at the end of the file. */
    private List<String> record() throws IOException, Unreadable {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = next()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    int after = next();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (after == -1) {
                            break;
                        }
                        unread(after);
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                add(fields, field);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD_CHARS) {
                throw new Unreadable("A value in the first rows is very long; is this really a CSV file?");
            }
        }
        if (quoted) {
            throw new Unreadable("A quote (\") in the first rows is never closed; the file cannot be read as CSV.");
        }
        if (!any) {
            return null;
        }
        add(fields, field);
        return fields;
    }

    private static void add(List<String> fields, StringBuilder field) throws Unreadable {
        fields.add(field.toString());
        field.setLength(0);
        if (fields.size() > MAX_COLUMNS) {
            throw new Unreadable("The file has more than " + MAX_COLUMNS + " columns.");
        }
    }

    private int next() throws IOException {
        int c;
        if (pushedBack != -1) {
            c = pushedBack;
            pushedBack = -1;
        } else {
            c = in.read();
        }
        if (c != -1) {
            bytes += utf8Length(c);
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
        bytes -= utf8Length(c);
    }

    /** A surrogate is half of a 4-byte character, so each half counts 2. */
    private static int utf8Length(int c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate((char) c)) {
            return 2;
        }
        return 3;
    }
}
