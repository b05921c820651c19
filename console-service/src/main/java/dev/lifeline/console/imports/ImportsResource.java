package dev.lifeline.console.imports;

import dev.lifeline.console.contacts.SignedIn;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.session.Sessions;
import dev.lifeline.console.web.CsrfToken;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The Import pages: upload a CSV, map its columns, follow the import, download its per-row errors. */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportsResource {

    private static final Logger LOG = Logger.getLogger(ImportsResource.class);

    private final Template imports;
    private final Template importMapping;
    private final Template importProgress;
    private final Template error;
    private final SignedIn signedIn;
    private final Imports steps;
    private final UploadSpool spool;
    private final CsrfToken csrf;

    public ImportsResource(
            Template imports,
            Template importMapping,
            Template importProgress,
            Template error,
            SignedIn signedIn,
            Imports steps,
            UploadSpool spool,
            CsrfToken csrf) {
        this.imports = imports;
        this.importMapping = importMapping;
        this.importProgress = importProgress;
        this.error = error;
        this.signedIn = signedIn;
        this.steps = steps;
        this.spool = spool;
        this.csrf = csrf;
    }

    @GET
    public Response uploadForm(@RestCookie(Sessions.COOKIE) String session) {
        return handle(session, caller -> html(200, imports.data("errors", Map.of())));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestCookie(Sessions.COOKIE) String session, @RestForm String csrf, @RestForm("file") FileUpload file) {
        this.csrf.verify(csrf);
        return handle(session, caller -> {
            if (file == null || file.size() == 0) {
                return html(400, imports.data("errors", Map.of("file", "Choose the CSV file to import.")));
            }
            try {
                CsvHead.read(file.uploadedFile(), 0);
            } catch (CsvHead.Unreadable e) {
                return html(400, imports.data("errors", Map.of("file", e.getMessage())));
            }
            UUID uploadId = spool.keep(caller.business().id, file.uploadedFile());
            return seeOther("/imports/" + uploadId);
        });
    }

    @GET
    @Path("{uploadId}")
    public Response mapping(
            @RestCookie(Sessions.COOKIE) String session, @RestPath String uploadId, @RestQuery String preset) {
        Optional<UUID> id = uuid(uploadId);
        return handle(
                session,
                caller -> id.isEmpty()
                        ? expired()
                        : steps.mapping(caller.business().id, id.get(), blankToNull(preset), null, Map.of())
                                .map(view -> html(200, importMapping.data("view", view)))
                                .orElseGet(this::expired));
    }

    @POST
    @Path("{uploadId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @RestCookie(Sessions.COOKIE) String session,
            @RestPath String uploadId,
            @RestForm String csrf,
            @RestForm String preset,
            @RestForm List<String> column) {
        this.csrf.verify(csrf);
        Optional<UUID> id = uuid(uploadId);
        if (id.isEmpty()) {
            return handle(session, caller -> expired());
        }
        List<String> choices = column == null ? List.of() : column;
        return handle(session, caller -> {
            Optional<Imports.Started> started = steps.start(caller.apiKey(), caller.business().id, id.get(), choices);
            if (started.isEmpty()) {
                return expired();
            }
            if (started.get().jobId() != null) {
                return seeOther("/imports/jobs/" + started.get().jobId());
            }
            return steps.mapping(
                            caller.business().id,
                            id.get(),
                            blankToNull(preset),
                            choices,
                            started.get().errors())
                    .map(view -> html(400, importMapping.data("view", view)))
                    .orElseGet(this::expired);
        });
    }

    @GET
    @Path("jobs/{jobId}")
    public Response progress(@RestCookie(Sessions.COOKIE) String session, @RestPath String jobId) {
        Optional<UUID> id = uuid(jobId);
        return handle(
                session,
                caller -> id.flatMap(job -> steps.progress(caller.apiKey(), job))
                        .map(view -> html(200, importProgress.data("view", view)))
                        .orElseGet(this::noSuchImport));
    }

    /** The progress as JSON, polled by the progress page (import.js). */
    @GET
    @Path("jobs/{jobId}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@RestCookie(Sessions.COOKIE) String session, @RestPath String jobId) {
        Optional<SignedIn.Caller> caller = signedIn.caller(session);
        if (caller.isEmpty()) {
            return Response.status(401).build();
        }
        try {
            return uuid(jobId)
                    .flatMap(job -> steps.progress(caller.get().apiKey(), job))
                    .map(p -> Response.ok(Map.of(
                                    "state", p.state(),
                                    "percent", p.percent(),
                                    "rowsTotal", p.rowsTotal(),
                                    "rowsRead", p.rowsRead(),
                                    "imported", p.imported(),
                                    "merged", p.merged(),
                                    "failed", p.failed()))
                            .header("Cache-Control", "no-store")
                            .build())
                    .orElseGet(() -> Response.status(404).build());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            return Response.status(503).build();
        }
    }

    @GET
    @Path("jobs/{jobId}/errors.csv")
    @Produces("text/csv")
    public Response errors(@RestCookie(Sessions.COOKIE) String session, @RestPath String jobId) {
        Optional<UUID> id = uuid(jobId);
        return handle(
                session,
                caller -> id.flatMap(job -> steps.errorsCsv(caller.apiKey(), job))
                        .map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                                .header(
                                        "Content-Disposition",
                                        "attachment; filename=\"import-errors-" + id.get() + ".csv\"")
                                .header("Cache-Control", "no-store")
                                .build())
                        .orElseGet(this::noSuchImport));
    }

    private interface Page {
        Response render(SignedIn.Caller caller) throws IOException;
    }

    /** Runs the page for a signed-in caller; anyone else goes to sign-in, a silent contact-service gets a 503 page. */
    private Response handle(String session, Page page) {
        Optional<SignedIn.Caller> caller = signedIn.caller(session);
        if (caller.isEmpty()) {
            return seeOther("/signin");
        }
        try {
            return page.render(caller.get());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Import page without contact-service: %s", e.getMessage());
            return errorPage(
                    503,
                    "Imports are not available right now",
                    "Lifeline's contact list did not answer. Nothing was imported; try again in a moment.");
        } catch (IOException e) {
            LOG.warnf("Import spool failed: %s", e.getClass().getName());
            return errorPage(503, "The upload could not be kept", "Please upload the file again in a moment.");
        }
    }

    private Response expired() {
        return errorPage(404, "This upload has expired", "Uploads are kept for an hour. Please upload the file again.");
    }

    private Response noSuchImport() {
        return errorPage(404, "Import not found", "There is no such import for your business.");
    }

    private Response errorPage(int status, String title, String message) {
        return html(status, error.data("title", title).data("message", message).data("status", status));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(page.data("signedIn", true).render())
                .build();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
