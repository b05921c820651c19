package dev.lifeline.console.contacts;

import dev.lifeline.console.services.ContactClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.session.Sessions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The Export link: contact-service's CSV export passed through as it streams, so that 100,000 contacts never sit in
 * the console's memory.
 */
@Path("/contacts/export.csv")
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class);

    private final SignedIn signedIn;
    private final ContactClient contacts;

    public ExportResource(SignedIn signedIn, ContactClient contacts) {
        this.signedIn = signedIn;
        this.contacts = contacts;
    }

    @GET
    public Response export(@RestCookie(Sessions.COOKIE) String session) {
        Optional<SignedIn.Caller> caller = signedIn.caller(session);
        if (caller.isEmpty()) {
            return ContactsResource.seeOther("/signin");
        }
        HttpResponse<InputStream> upstream;
        try {
            upstream = contacts.exportCsv(caller.get().apiKey());
        } catch (ServiceUnavailableException e) {
            LOG.warnf("Export without contact-service: %s", e.getMessage());
            return unavailable();
        }
        if (upstream.statusCode() != 200) {
            close(upstream.body());
            LOG.warnf("Export refused by contact-service: HTTP %d", upstream.statusCode());
            return unavailable();
        }
        StreamingOutput body = out -> {
            try (InputStream in = upstream.body()) {
                in.transferTo(out);
            }
        };
        String file = "contacts-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response unavailable() {
        return Response.status(503)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("The export is not available right now. Nothing was downloaded; try again in a moment.")
                .build();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }
}
