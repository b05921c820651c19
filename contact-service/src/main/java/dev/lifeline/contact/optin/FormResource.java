package dev.lifeline.contact.optin;

import dev.lifeline.contact.contact.InvalidFieldException;
import dev.lifeline.contact.tenant.Tenant;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The hosted capture form: plain HTML, works without JavaScript, one page per tenant. */
@Path("/f/{slug}")
public class FormResource {

    @Inject
    CaptureService capture;
    @Inject
    OptInConfig config;
    @Inject
    Template form;
    @io.quarkus.qute.Location("embed.js")
    Template embed;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("slug") String slug) {
        return page(capture.tenant(slug), null, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@PathParam("slug") String slug, @FormParam("name") String name, @FormParam("email") String email,
            @FormParam("phone") String phone, @FormParam("emailConsent") String emailConsent,
            @FormParam("smsConsent") String smsConsent, @FormParam("website") String website,
            @Context HttpServerRequest request) {
        Tenant tenant = capture.tenant(slug);
        ClientInfo client = ClientInfo.of(request);
        try {
            capture.checkRate(tenant, client.ip());
        } catch (CaptureService.TooManyRequests e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds)
                    .entity(page(tenant, "Too many sign-ups from here. Please try again in a minute.", null, name, email)).build();
        }
        CaptureInput input = new CaptureInput(limit(name, 200), limit(email, 320), limit(phone, 40),
                emailConsent != null, smsConsent != null, null, website);
        try {
            capture.capture(tenant, input, client.ip(), client.userAgent());
            // Same page for new, known, confirmed and bot sign-ups: nobody learns who is on the list.
            boolean pending = tenant.doubleOptIn();
            return Response.ok(page(tenant, null, pending ? "pending" : "confirmed", null, null)).build();
        } catch (InvalidFieldException e) {
            String message = switch (e.field()) {
                case "email" -> "Please check your e-mail address (" + e.getMessage() + ").";
                case "phone" -> "Please check your phone number.";
                default -> "Please tick at least one way we may contact you.";
            };
            return Response.status(400).entity(page(tenant, message, null, name, email)).build();
        }
    }

    @GET
    @Path("embed.js")
    @Produces("text/javascript")
    public TemplateInstance snippet(@PathParam("slug") String slug) {
        Tenant tenant = capture.tenant(slug);
        return embed.data("slug", tenant.slug).data("base", config.publicBaseUrl())
                .data("emailText", json(tenant.consentTextEmail)).data("smsText", json(tenant.consentTextSms));
    }

    /** A JavaScript string literal; JSON escaping also covers quotes and line breaks in the tenant's text. */
    private static String json(String text) {
        try {
            return dev.lifeline.events.EventCodec.mapper().writeValueAsString(text).replace("</", "<\\/");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TemplateInstance page(Tenant tenant, String error, String done, String name, String email) {
        return form.data("tenant", tenant).data("error", error).data("done", done)
                .data("name", name == null ? "" : name).data("email", email == null ? "" : email);
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
