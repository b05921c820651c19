package dev.lifeline.outreach.bounce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough MIME (RFC 2045/2046) to read a bounce: header fields (unfolded, names case-insensitive, first one
 * wins), Content-Type with its parameters, multipart bodies split on their boundary, base64 and quoted-printable
 * bodies decoded. Text is read as ISO-8859-1, so no byte is ever undecodable; what matters in a DSN is ASCII.
 */
final class MimeParts {

    /** One entity: its header fields and its body, still transfer-encoded. */
    record Entity(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The media type in lower case ({@code text/plain} when absent, as RFC 2045 says). */
        String mediaType() {
            String type = header("content-type");
            if (type == null || type.isBlank()) {
                return "text/plain";
            }
            int semi = type.indexOf(';');
            return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }

        String parameter(String name) {
            String type = header("content-type");
            if (type == null) {
                return null;
            }
            Matcher m = Pattern.compile(
                            ";\\s*" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))",
                            Pattern.CASE_INSENSITIVE)
                    .matcher(type);
            return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
        }

        /** The body with its Content-Transfer-Encoding undone. */
        String decodedBody() {
            String encoding = header("content-transfer-encoding");
            encoding = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
            if (encoding.equals("base64")) {
                try {
                    return new String(
                            Base64.getMimeDecoder().decode(body.replaceAll("[^A-Za-z0-9+/=]", "")),
                            StandardCharsets.ISO_8859_1);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
            return encoding.equals("quoted-printable") ? quotedPrintable(body) : body;
        }
    }

    private MimeParts() {}

    /** Splits at the first empty line; lines are joined with {@code \n} whatever the message used. */
    static Entity entity(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        int end = normalized.startsWith("\n") ? 0 : normalized.indexOf("\n\n");
        String head = end < 0 ? normalized : normalized.substring(0, end);
        String body = end < 0 ? "" : normalized.substring(end + (end == 0 ? 1 : 2));
        return new Entity(fields(head), body);
    }

    /** Header fields of a block ("Name: value" lines, folded continuation lines joined). */
    static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                fields.putIfAbsent(name, value.toString().strip());
            }
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            value.setLength(0);
            if (name != null) {
                value.append(line.substring(colon + 1));
            }
        }
        if (name != null) {
            fields.putIfAbsent(name, value.toString().strip());
        }
        return fields;
    }

    /** The body parts of a multipart entity (the preamble and epilogue are dropped). */
    static List<Entity> parts(Entity multipart, String boundary) {
        List<Entity> parts = new ArrayList<>();
        String delimiter = "--" + boundary;
        StringBuilder current = null;
        for (String line : multipart.body().split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.equals(delimiter) || trimmed.equals(delimiter + "--")) {
                if (current != null) {
                    parts.add(entity(current.toString()));
                }
                if (trimmed.endsWith("--") && !trimmed.equals(delimiter)) {
                    return parts;
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null && !current.isEmpty()) {
            parts.add(entity(current.toString()));
        }
        return parts;
    }

    private static String quotedPrintable(String body) {
        StringBuilder out = new StringBuilder(body.length());
        String text = body.replace("=\n", "");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
