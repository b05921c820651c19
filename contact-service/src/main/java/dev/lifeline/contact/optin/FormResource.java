package dev.lifeline.contact.optin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifeline.contact.config.ContactConfig;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.EventCodec;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The hosted capture form: plain HTML, works without JavaScript, one page per tenant. */
@Path("/f/{slug}")
public class FormResource {

    @Inject
    CaptureService capture;

    @Inject
    ContactConfig config;

    @Inject
    Template form;

    @io.quarkus.qute.Location("embed.js")
    Template embed;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("slug") String slug) {
        return page(capture.tenant(slug), null, null, null, null);
    }

    /** A sign-up form is well under a kilobyte; anything much larger is not one. */
    static final int MAX_FORM_BYTES = 16 * 1024;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@PathParam("slug") String slug, InputStream body, @Context HttpServerRequest request)
            throws IOException {
        Tenant tenant = capture.tenant(slug);
        // Decoded here, strictly: a bad percent escape or bytes that are not UTF-8 are the sender's error (400), and
        // must neither fail the request (500) nor be stored as replacement characters.
        Map<String, String> form;
        try {
            form = decode(body, MAX_FORM_BYTES);
        } catch (MalformedForm e) {
            return Response.status(e.status)
                    .entity(page(tenant, "Please check what you entered.", null, null, null))
                    .build();
        }
        String name = form.get("name");
        String email = form.get("email");
        ClientInfo client = ClientInfo.of(request);
        try {
            capture.checkRate(tenant, client.ip());
        } catch (CaptureService.TooManyRequests e) {
            return Response.status(429)
                    .header("Retry-After", e.retryAfterSeconds)
                    .entity(page(
                            tenant, "Too many sign-ups from here. Please try again in a minute.", null, name, email))
                    .build();
        }
        CaptureInput input = new CaptureInput(
                limit(name, 200),
                limit(email, 320),
                limit(form.get("phone"), 40),
                form.get("emailConsent") != null,
                form.get("smsConsent") != null,
                null,
                form.get("website"));
        try {
            capture.capture(tenant, input, client.ip(), client.userAgent());
            // Same page for new, known, confirmed and bot sign-ups: nobody learns who is on the list.
            boolean pending = tenant.doubleOptIn();
            return Response.ok(page(tenant, null, pending ? "pending" : "confirmed", null, null))
                    .build();
        } catch (InvalidFieldException e) {
            String message = switch (e.field()) {
                case "email" -> "Please check your e-mail address (" + e.getMessage() + ").";
                case "phone" -> "Please check your phone number.";
                default -> "Please tick at least one way we may contact you.";
            };
            return Response.status(400)
                    .entity(page(tenant, message, null, name, email))
                    .build();
        }
    }

    /** An application/x-www-form-urlencoded body that cannot be read: 400, or 413 when it is too large. */
    static final class MalformedForm extends Exception {
        final int status;

        MalformedForm(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** The form's fields (the first value of each), percent-decoded as UTF-8 strictly. */
    static Map<String, String> decode(InputStream body, int maxBytes) throws IOException, MalformedForm {
        byte[] raw = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        if (raw.length > maxBytes) {
            throw new MalformedForm(413);
        }
        Map<String, String> fields = new HashMap<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && raw[eq] != '=') {
                        eq++;
                    }
                    String key = component(raw, start, eq);
                    String value = eq < i ? component(raw, eq + 1, i) : "";
                    fields.putIfAbsent(key, value);
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static String component(byte[] raw, int from, int to) throws MalformedForm {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || Character.digit(raw[i + 1], 16) < 0 || Character.digit(raw[i + 2], 16) < 0) {
                    throw new MalformedForm(400);
                }
                bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedForm(400);
        }
    }

    @GET
    @Path("embed.js")
    @Produces("text/javascript")
    public TemplateInstance snippet(@PathParam("slug") String slug) {
        Tenant tenant = capture.tenant(slug);
        return embed.data("slug", tenant.slug)
                .data("base", config.publicBaseUrl())
                .data("emailText", json(tenant.consentTextEmail))
                .data("smsText", json(tenant.consentTextSms));
    }

    /** A JavaScript string literal; JSON escaping also covers quotes and line breaks in the tenant's text. */
    private static String json(String text) {
        try {
            return EventCodec.mapper().writeValueAsString(text).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TemplateInstance page(Tenant tenant, String error, String done, String name, String email) {
        return form.data("tenant", tenant)
                .data("error", error)
                .data("done", done)
                .data("name", name == null ? "" : name)
                .data("email", email == null ? "" : email);
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
