package dev.lifeline.outreach.unsubscribe;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Public unsubscribe links. GET only shows a confirmation page (mail scanners follow links and must not unsubscribe
 * anyone); POST, from that page's button or from the mail client's one-click (RFC 8058), withdraws consent at once.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @Inject
    LinkSigner signer;

    @Inject
    ConsentWithdrawals withdrawals;

    @GET
    public Response confirm(@PathParam("token") String token) {
        if (signer.verify(token).isEmpty()) {
            return invalid();
        }
        return Response.ok(page(
                        "Unsubscribe?",
                        "<p>Do you want to stop receiving these messages?</p>"
                                + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>"))
                .build();
    }

    @POST
    public Response unsubscribe(@PathParam("token") String token, @Context HttpServerRequest request) {
        Optional<LinkSigner.Target> target = signer.verify(token);
        if (target.isEmpty()) {
            return invalid();
        }
        String ip =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        withdrawals.unsubscribe(target.get(), ip, request.getHeader("User-Agent"));
        return Response.ok(
                        page("Unsubscribed", "<p>You are unsubscribed. You will not get these messages any more.</p>"))
                .build();
    }

    private static Response invalid() {
        return Response.status(404)
                .entity(
                        page(
                                "Link not valid",
                                "<p>This unsubscribe link is not valid. Please use the link from the message you received.</p>"))
                .build();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
