package dev.lifeline.contact.optin;

import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.profile.ContactRepository;
import dev.lifeline.contact.profile.ContactService;
import dev.lifeline.contact.tenant.Tenant;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;

/**
 * The link in the confirmation e-mail. GET only shows a button: mail scanners fetch links, and a fetch must not
 * count as the person's consent. The POST of that button confirms, recording time, IP and user agent.
 */
@Path("/confirm/{token}")
@Produces(MediaType.TEXT_HTML)
public class ConfirmResource {

    @Inject
    ConfirmationMailer mailer;

    @Inject
    ContactService contacts;

    @Inject
    ContactRepository repository;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Inject
    Template confirm;

    @GET
    public Response ask(@PathParam("token") String token) {
        ConfirmationTokens.Verdict verdict = mailer.tokens().verify(token, Instant.now());
        if (verdict instanceof ConfirmationTokens.Verdict.Valid valid) {
            Tenant tenant = em.find(Tenant.class, valid.claims().tenantId());
            return Response.ok(confirm.data("state", "ask")
                            .data("tenant", tenant == null ? "" : tenant.name)
                            .data("token", token))
                    .build();
        }
        boolean expired = verdict instanceof ConfirmationTokens.Verdict.Expired;
        return Response.status(expired ? 410 : 404)
                .entity(confirm.data("state", expired ? "expired" : "invalid")
                        .data("tenant", "")
                        .data("token", ""))
                .build();
    }

    @POST
    public Response confirm(@PathParam("token") String token, @Context HttpServerRequest request) {
        ConfirmationTokens.Verdict verdict = mailer.tokens().verify(token, Instant.now());
        if (verdict instanceof ConfirmationTokens.Verdict.Expired) {
            return Response.status(410)
                    .entity(confirm.data("state", "expired").data("tenant", "").data("token", ""))
                    .build();
        }
        if (!(verdict instanceof ConfirmationTokens.Verdict.Valid valid)) {
            return Response.status(404)
                    .entity(confirm.data("state", "invalid").data("tenant", "").data("token", ""))
                    .build();
        }
        ConfirmationTokens.Claims claims = valid.claims();
        Tenant tenant = em.find(Tenant.class, claims.tenantId());
        if (tenant == null
                || repository
                        .findLive(claims.tenantId(), claims.contactId(), false)
                        .isEmpty()) {
            return Response.status(404)
                    .entity(confirm.data("state", "invalid").data("tenant", "").data("token", ""))
                    .build();
        }
        ClientInfo client = ClientInfo.of(request);
        boolean changed = contacts.confirm(
                claims.tenantId(),
                claims.contactId(),
                claims.channels(),
                new ConsentSource(ConsentSource.FORM, client.ip(), client.userAgent()),
                tenant.consentTextEmail,
                "tenant-v" + tenant.consentVersion);
        if (changed) {
            metrics.counter("lifeline_optin_confirmations").increment();
        }
        return Response.ok(confirm.data("state", "confirmed")
                        .data("tenant", tenant.name)
                        .data("token", ""))
                .build();
    }
}
