package dev.lifeline.outreach.bounce;

import dev.lifeline.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bounce as an MTA sends it (RFC 3464: {@code multipart/report; report-type=delivery-status}, with a
 * {@code message/delivery-status} part and the returned message or its headers), reduced to its gravest recipient's
 * {@code Action} and {@code Status}, and the returned headers' {@code X-Lifeline-Ref} (null when the MTA returned no
 * headers, or not ours).
 * Postfix, Exim, Gmail and Microsoft all nest it differently (Gmail puts a multipart/related human part first), so
 * the parts are searched, not expected at fixed places.
 */
public record DeliveryStatusNotification(String action, String status, String ref) {

    private static final Set<String> ACTIONS = Set.of("failed", "delayed", "delivered", "relayed", "expanded");
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final Set<String> STATUS_PARTS = Set.of("message/delivery-status", "message/global-delivery-status");
    private static final Set<String> RETURNED_PARTS =
            Set.of("message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers");
    private static final int MAX_DEPTH = 4;

    /** @throws ProblemException 400 naming what is missing or malformed */
    public static DeliveryStatusNotification parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw ProblemException.field(
                    400, "body", "is required: the bounce message (message/rfc822) as the MTA received it");
        }
        MimeParts.Entity message = MimeParts.entity(new String(raw, StandardCharsets.ISO_8859_1));
        if (!message.mediaType().equals("multipart/report")
                || !"delivery-status".equalsIgnoreCase(String.valueOf(message.parameter("report-type")))) {
            throw ProblemException.field(
                    400,
                    "Content-Type",
                    "must be multipart/report; report-type=delivery-status (an RFC 3464 delivery status notification)");
        }
        List<MimeParts.Entity> found = new ArrayList<>();
        collect(message, 0, found);
        MimeParts.Entity statusPart = found.stream()
                .filter(e -> STATUS_PARTS.contains(e.mediaType()))
                .findFirst()
                .orElseThrow(() -> ProblemException.field(
                        400, "message/delivery-status", "is required: the report has no delivery-status part"));
        String[] recipient = gravest(statusPart.decodedBody());
        Map<String, String> returned = found.stream()
                .filter(e -> RETURNED_PARTS.contains(e.mediaType()))
                .findFirst()
                .map(e -> MimeParts.entity(e.decodedBody()).headers())
                .orElse(Map.of());
        return new DeliveryStatusNotification(
                recipient[0], recipient[1], returned.get(DeliveryRef.HEADER.toLowerCase(Locale.ROOT)));
    }

    /** A hard bounce: the recipient's server gave up for good ({@code failed}, 5.x.x). */
    public boolean hardBounce() {
        return action.equals("failed") && status.startsWith("5.");
    }

    /** The receipt this report means; empty while the MTA still tries ({@code delayed}) or merely passed it on. */
    public Optional<EmailReceipt> receipt() {
        return switch (action) {
            case "failed" -> Optional.of(hardBounce() ? EmailReceipt.BOUNCED : EmailReceipt.UNDELIVERED);
            case "delivered" -> Optional.of(EmailReceipt.DELIVERED);
            default -> Optional.empty();
        };
    }

    /** What the ledger keeps: the status code only (a diagnostic text often repeats the address). */
    public String error() {
        return "dsn " + action + " " + status;
    }

    private static void collect(MimeParts.Entity entity, int depth, List<MimeParts.Entity> found) {
        String boundary = entity.parameter("boundary");
        if (entity.mediaType().startsWith("multipart/")) {
            if (boundary == null || boundary.isBlank()) {
                throw ProblemException.field(400, "boundary", "is required: a multipart part without its boundary");
            }
            if (depth < MAX_DEPTH) {
                MimeParts.parts(entity, boundary).forEach(part -> collect(part, depth + 1, found));
            }
        } else {
            found.add(entity);
        }
    }

    /** {action, status} of the per-recipient block that matters most: failed, then delayed, then the rest. */
    private static String[] gravest(String deliveryStatus) {
        String[] best = null;
        String[] blocks = deliveryStatus.replace("\r\n", "\n").strip().split("\n[ \t]*\n");
        for (int i = 1; i < blocks.length; i++) {
            Map<String, String> fields = MimeParts.fields(blocks[i]);
            String action = fields.get("action");
            if (action == null) {
                continue;
            }
            action = comment(action).toLowerCase(Locale.ROOT);
            if (!ACTIONS.contains(action)) {
                throw ProblemException.field(
                        400, "Action", "must be one of failed, delayed, delivered, relayed, expanded");
            }
            String status = fields.get("status") == null ? "" : comment(fields.get("status"));
            if (!STATUS.matcher(status).matches()) {
                throw ProblemException.field(400, "Status", "must be an RFC 3463 status code such as 5.1.1");
            }
            if (best == null || weight(action) > weight(best[0])) {
                best = new String[] {action, status};
            }
        }
        if (best == null) {
            throw ProblemException.field(400, "Action", "is required: the report names no recipient with an Action");
        }
        return best;
    }

    private static int weight(String action) {
        return switch (action) {
            case "failed" -> 3;
            case "delayed" -> 2;
            default -> 1;
        };
    }

    /** The value without a trailing comment: {@code 5.1.1 (bad destination mailbox address)} is 5.1.1. */
    private static String comment(String value) {
        String v = value.strip();
        int cut = v.indexOf(' ');
        int paren = v.indexOf('(');
        if (paren >= 0 && (cut < 0 || paren < cut)) {
            cut = paren;
        }
        return (cut < 0 ? v : v.substring(0, cut)).strip();
    }
}
