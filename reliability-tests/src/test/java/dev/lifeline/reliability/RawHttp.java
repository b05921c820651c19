package dev.lifeline.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.system.Http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain socket, one connection per request, with every byte of the request line, the headers and
 * the body as given: invalid UTF-8, NUL, raw non-ASCII header values, a Content-Type that is not one. Clients that
 * validate what they send (java.net.http among them) cannot send what a hostile client sends.
 */
final class RawHttp {

    /** An answer: header names lower-cased; {@code body} decoded from chunked transfer coding if it came so. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return body.length == 0 ? null : Http.JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A header line as raw bytes: {@code name: value} with whatever bytes the value holds. */
    record Header(byte[] line) {
        static Header of(String name, String value) {
            return new Header((name + ": " + value).getBytes(StandardCharsets.UTF_8));
        }

        static Header raw(String name, byte[] value) {
            byte[] head = (name + ": ").getBytes(StandardCharsets.ISO_8859_1);
            byte[] line = new byte[head.length + value.length];
            System.arraycopy(head, 0, line, 0, head.length);
            System.arraycopy(value, 0, line, head.length, value.length);
            return new Header(line);
        }
    }

    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "raw-http-writer");
        thread.setDaemon(true);
        return thread;
    });

    private RawHttp() {}

    /**
     * Sends {@code method target} to the host of {@code baseUrl}; {@code target} goes on the request line as it is
     * (already percent-encoded, or deliberately not). A {@code Content-Length} is added when there is a body.
     *
     * @throws IOException when the server closed the connection without answering
     */
    static Response exchange(String baseUrl, String method, String target, List<Header> headers, byte[] body)
            throws IOException {
        URI base = URI.create(baseUrl);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        line(request, (method + " " + target + " HTTP/1.1").getBytes(StandardCharsets.UTF_8));
        line(request, ("Host: " + base.getHost() + ":" + base.getPort()).getBytes(StandardCharsets.US_ASCII));
        line(request, "Connection: close".getBytes(StandardCharsets.US_ASCII));
        for (Header header : headers) {
            line(request, header.line());
        }
        if (body != null) {
            line(request, ("Content-Length: " + body.length).getBytes(StandardCharsets.US_ASCII));
        }
        line(request, new byte[0]);
        byte[] head = request.toByteArray();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            // Written by another thread: a server may answer (413, 431) before it read the body, and must not
            // leave this thread blocked in a write nobody reads.
            var written = WRITERS.submit(() -> {
                try {
                    out.write(head);
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server stopped reading and answered (or closed); the answer is what counts.
                }
                return null;
            });
            Response response = read(socket.getInputStream());
            written.cancel(true);
            return response;
        }
    }

    private static void line(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(bytes);
        out.write('\r');
        out.write('\n');
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException e) {
                n = -1;
            }
            if (n > 0) {
                all.write(buffer, 0, n);
            }
            Response complete = parse(all.toByteArray(), n < 0);
            if (complete != null) {
                return complete;
            }
            if (n < 0) {
                throw new IOException("connection closed without a complete answer (" + all.size() + " bytes)");
            }
        }
    }

    /** The answer once it is complete, else null. */
    private static Response parse(byte[] data, boolean eof) {
        int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            return null;
        }
        String[] lines = new String(data, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        int start = end + 4;
        String length = headers.containsKey("content-length")
                ? headers.get("content-length").get(0)
                : null;
        String encoding = headers.containsKey("transfer-encoding")
                ? headers.get("transfer-encoding").get(0)
                : "";
        if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            byte[] body = dechunk(data, start);
            return body == null
                    ? (eof ? new Response(status, headers, tail(data, start)) : null)
                    : new Response(status, headers, body);
        }
        if (length != null) {
            int n = Integer.parseInt(length);
            if (data.length - start >= n) {
                byte[] body = new byte[n];
                System.arraycopy(data, start, body, 0, n);
                return new Response(status, headers, body);
            }
            return eof ? new Response(status, headers, tail(data, start)) : null;
        }
        return eof || status == 204 || status == 304 ? new Response(status, headers, tail(data, start)) : null;
    }

    private static byte[] tail(byte[] data, int start) {
        byte[] body = new byte[Math.max(0, data.length - start)];
        System.arraycopy(data, start, body, 0, body.length);
        return body;
    }

    /** The de-chunked body, or null while the last chunk has not arrived. */
    private static byte[] dechunk(byte[] data, int start) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = start;
        while (true) {
            int lineEnd = indexOf(data, new byte[] {'\r', '\n'}, pos);
            if (lineEnd < 0) {
                return null;
            }
            String sizeText = new String(data, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            pos = lineEnd + 2;
            if (size == 0) {
                return body.toByteArray();
            }
            if (data.length < pos + size + 2) {
                return null;
            }
            body.write(data, pos, size);
            pos += size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
