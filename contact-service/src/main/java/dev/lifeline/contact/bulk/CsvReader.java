package dev.lifeline.contact.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record in memory at a time, with the row number (1 = header) of each record so
 * errors can point at the spreadsheet row (a cell with a line break stays one row, as in a spreadsheet). Broken quoting is an error, never a silently merged row.
 */
public final class CsvReader implements AutoCloseable {

    /** The file is not well-formed CSV at {@code row}. */
    public static final class FormatException extends RuntimeException {
        public final long row;

        FormatException(long row, String message) {
            super(message, null, false, false);
            this.row = row;
        }
    }

    private static final int MAX_FIELD = 10_000;

    private final Reader in;
    private final char[] buffer = new char[16_384];
    private int pos;
    private int len;
    private long row;
    private boolean first = true;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** Row number of the record last returned (1 for the header). */
    public long row() {
        return row;
    }

    /** @return the next record's fields, or {@code null} at the end; blank lines are skipped */
    public List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            row++;
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                continue;
            }
            pos--;
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        long startRow = row;
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && field.isEmpty()) {
                quoted(field, startRow);
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
                    throw new FormatException(startRow, "unexpected character after a closing quote");
                }
            } else {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    if (c == '"') {
                        throw new FormatException(startRow, "a quote inside an unquoted field");
                    }
                    append(field, (char) c, startRow);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            return fields;
        }
    }

    private void quoted(StringBuilder field, long startRow) throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new FormatException(startRow, "a quoted field is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    append(field, '"', startRow);
                    continue;
                }
                return;
            }
            append(field, (char) c, startRow);
        }
    }

    private static void append(StringBuilder field, char c, long startRow) {
        if (field.length() >= MAX_FIELD) {
            throw new FormatException(startRow, "a field is longer than " + MAX_FIELD + " characters");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
