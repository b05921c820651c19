package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Bad input for outreach-service's public e-mail webhooks, as {@link BadInputFuzzTest} cases: SendGrid's Event Webhook
 * ({@code sendgrid.events}) and the MTA's DSN pipe ({@code email.dsn}). Unsigned, wrongly signed or unauthorised
 * posts must be refused (403, {@code badAuth}); signed or authorised malformed ones must be a 400 naming the field
 * ({@code expectField}); a well-formed one about no delivery of ours is taken (204) and changes nothing; never a 5xx.
 */
final class EmailWebhookFuzz {

    private record Body(String text, String field) {}

    private static final String DSN_HEAD = "From: MAILER-DAEMON@mx.example (Mail Delivery System)\n"
            + "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n";
    private static final String REPORT =
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n";

    private final FuzzRandom random;
    private final PrivateKey sendgrid;
    private final PrivateKey stranger;

    EmailWebhookFuzz(FuzzRandom random) {
        this.random = random;
        try {
            sendgrid = KeyFactory.getInstance("EC")
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(RunningSystem.SENDGRID_PRIVATE_KEY)));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            stranger = generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<BadInputFuzzTest.Case> sendgrid(String base, int count) {
        List<Function<Integer, Body>> kinds = List.of(
                n -> new Body(
                        "[{\"email\":\"fz" + n + "@example.com\",\"timestamp\":1764669600,\"smtp-id\":\"<fz" + n
                                + "@outreach.lifeline>\",\"event\":\"bounce\",\"type\":\"bounce\",\"status\":\"5.1.1\"}]",
                        null),
                n -> new Body(
                        "[{\"event\":\"spamreport\",\"lifeline_ref\":" + json(random.pick(BadInputFuzzTest.INJECTIONS))
                                + "}]",
                        null),
                n -> new Body("{\"event\":\"delivered\",\"smtp-id\":\"<fz" + n + "@outreach.lifeline>\"}", "body"),
                n -> new Body("[{\"event\":\"bounce\",", "body"),
                n -> new Body("[1,2,3]", "[0]"),
                n -> new Body("[{\"email\":\"fz" + n + "@example.com\"}]", "[0].event"),
                n -> new Body("[{\"event\":42}]", "[0].event"),
                n -> new Body("[{\"event\":\"bounce\",\"smtp-id\":\"" + "S".repeat(100_000) + "\"}]", "[0].smtp-id"),
                n -> new Body("[{\"event\":\"dropped\",\"lifeline_ref\":{\"$ne\":null}}]", "[0].lifeline_ref"),
                n -> new Body("[" + "[".repeat(200) + "]".repeat(200) + "]", "[0]"),
                n -> new Body(new String(random.bytes(300), StandardCharsets.ISO_8859_1), "body"));
        List<BadInputFuzzTest.Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(1_000_000);
            Body body = (i < kinds.size() ? kinds.get(i) : kinds.get(random.nextInt(kinds.size()))).apply(n);
            byte[] bytes = body.text().getBytes(StandardCharsets.ISO_8859_1);
            String timestamp = Long.toString(1764669600L + n);
            int how = i < kinds.size() ? 0 : random.nextInt(6);
            String signature = switch (how) {
                case 0, 1 -> sign(sendgrid, timestamp, bytes);
                case 2 -> sign(stranger, timestamp, bytes);
                case 3 -> sign(sendgrid, Long.toString(Long.parseLong(timestamp) + 1), bytes);
                case 4 -> random.pick(Arrays.asList("", "MEUCIQ==", "' OR 1=1; --", "a".repeat(2_000)));
                default -> null;
            };
            boolean signed = how <= 1;
            String type = random.nextInt(10) < 9 ? "application/json" : random.pick(Arrays.asList("text/plain", null));
            List<RawHttp.Header> headers = new ArrayList<>();
            if (type != null) {
                headers.add(RawHttp.Header.of("Content-Type", type));
            }
            if (signature != null) {
                headers.add(RawHttp.Header.of("X-Twilio-Email-Event-Webhook-Signature", signature));
            }
            headers.add(RawHttp.Header.of("X-Twilio-Email-Event-Webhook-Timestamp", timestamp));
            cases.add(new BadInputFuzzTest.Case(
                    "sendgrid.events",
                    "POST",
                    base,
                    "/webhooks/sendgrid/events",
                    headers,
                    bytes,
                    BadInputFuzzTest.Kind.API,
                    signed ? body.field() : null,
                    !signed,
                    false,
                    BadInputFuzzTest.abbreviate(body.text(), 60) + ", " + type + ", "
                            + (signed ? "signed" : "forged " + how)));
        }
        return cases;
    }

    List<BadInputFuzzTest.Case> dsn(String base, int count) {
        String status = "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
                + "Final-Recipient: rfc822; fz@example.com\n";
        String returned =
                "--b1\nContent-Type: text/rfc822-headers\n\nMessage-ID: <fz@outreach.lifeline>\n" + "X-Lifeline-Ref: ";
        List<Function<Integer, Body>> kinds = List.of(
                n -> new Body(
                        DSN_HEAD + REPORT + status + "Action: failed\nStatus: 5.1.1\n\n" + returned
                                + "00000000-0000-0000-0000-000000000000.fz-" + n
                                + ".AAAAAAAAAAAAAAAAAAAAAA\n\n--b1--\n",
                        null),
                n -> new Body(
                        DSN_HEAD + REPORT + status + "Action: failed\nStatus: 5.1.1\n\n" + returned
                                + random.pick(BadInputFuzzTest.INJECTIONS) + "\n\n--b1--\n",
                        null),
                n -> new Body("From: someone@example.com\nSubject: Out of office\n\nBack on Monday.", "Content-Type"),
                n -> new Body(
                        DSN_HEAD + "Content-Type: multipart/report; report-type=delivery-status\n\nno parts",
                        "boundary"),
                n -> new Body(
                        DSN_HEAD + REPORT + "--b1\nContent-Type: text/plain\n\nSorry.\n--b1--\n",
                        "message/delivery-status"),
                n -> new Body(
                        DSN_HEAD + REPORT + status + "Action: " + random.pick(BadInputFuzzTest.INJECTIONS)
                                + "\nStatus: 5.1.1\n\n--b1--\n",
                        "Action"),
                n -> new Body(
                        DSN_HEAD + REPORT + status + "Action: failed\nStatus: "
                                + random.pick(BadInputFuzzTest.INJECTIONS) + "\n\n--b1--\n",
                        "Status"),
                n -> new Body(DSN_HEAD + REPORT + status + "\n--b1--\n", "Action"),
                n -> new Body("", "body"),
                n -> new Body("X-Long: " + "x".repeat(100_000) + "\n\nbody", "Content-Type"),
                n -> new Body(new String(random.bytes(300), StandardCharsets.ISO_8859_1), null));
        List<BadInputFuzzTest.Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(1_000_000);
            Body body = (i < kinds.size() ? kinds.get(i) : kinds.get(random.nextInt(kinds.size()))).apply(n);
            int how = i < kinds.size() ? 0 : random.nextInt(5);
            String authorization = switch (how) {
                case 0, 1 -> "Bearer " + RunningSystem.DSN_SECRET;
                case 2 -> "Bearer " + RunningSystem.DSN_SECRET + "x";
                case 3 ->
                    random.pick(Arrays.asList(
                            "Bearer ",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(("mta:" + RunningSystem.DSN_SECRET)
                                                    .getBytes(StandardCharsets.UTF_8)),
                            "Bearer ' OR 1=1 --"));
                default -> null;
            };
            boolean authorized = how <= 1;
            String type = random.nextInt(10) < 8
                    ? "message/rfc822"
                    : random.pick(Arrays.asList("text/plain", "application/octet-stream", null));
            List<RawHttp.Header> headers = new ArrayList<>();
            if (type != null) {
                headers.add(RawHttp.Header.of("Content-Type", type));
            }
            if (authorization != null) {
                headers.add(RawHttp.Header.of("Authorization", authorization));
            }
            // Random bytes are a 400 naming whatever they break first: only that they are refused is checked.
            cases.add(new BadInputFuzzTest.Case(
                    "email.dsn",
                    "POST",
                    base,
                    "/webhooks/email/dsn",
                    headers,
                    body.text().getBytes(StandardCharsets.ISO_8859_1),
                    BadInputFuzzTest.Kind.API,
                    authorized ? body.field() : null,
                    !authorized,
                    false,
                    BadInputFuzzTest.abbreviate(body.text(), 60) + ", " + type + ", "
                            + (authorized ? "authorised" : "forged " + how)));
        }
        return cases;
    }

    private static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
