package dev.lifeline.contact.bulk;

import dev.lifeline.contact.input.Ids;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** CSV import: POST the file, then follow the job until it is done. */
@Path("/api/v1/contacts/imports")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ImportService imports;

    public record JobView(
            String id,
            String state,
            long rowsTotal,
            long rowsRead,
            long imported,
            long merged,
            long failed,
            String error,
            Instant createdAt,
            Instant finishedAt,
            List<ErrorView> errors) {}

    public record ErrorView(long row, String field, String message) {}

    /**
     * 202 with the new job, or with the job of the same file when this upload resumes it (it was interrupted or
     * failed); a re-upload of a live or done job answers 200 with the job that already has it. {@code unknownColumns}
     * ({@code refuse}, the default, {@code ignore} or {@code attributes}) says what happens to a column that is no
     * contact field.
     */
    @POST
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN})
    public Response upload(@QueryParam("unknownColumns") String unknownColumns, InputStream body) throws IOException {
        ImportColumns.Unknown unknown = ImportColumns.Unknown.parse(unknownColumns);
        UUID tenantId = UUID.fromString(tenant.id());
        ImportService.Accepted accepted = imports.receive(tenantId, body, unknown);
        URI location = URI.create("/api/v1/contacts/imports/" + accepted.job().id);
        JobView view = view(accepted.job(), List.of());
        return (accepted.duplicate()
                        ? Response.ok(view).header("X-Lifeline-Duplicate-Upload", "true")
                        : Response.accepted(view))
                .location(location)
                .build();
    }

    @GET
    @Path("{id}")
    public JobView get(@PathParam("id") String id) {
        ImportJob job =
                imports.find(UUID.fromString(tenant.id()), Ids.parse(id)).orElseThrow(ImportService::notFound);
        return view(
                job,
                imports.errors(job.id).stream()
                        .map(e -> new ErrorView(e.rowNumber, e.field, e.message))
                        .toList());
    }

    private static JobView view(ImportJob j, List<ErrorView> errors) {
        return new JobView(
                j.id.toString(),
                j.state,
                j.rowsTotal,
                j.rowsRead,
                j.rowsImported,
                j.rowsMerged,
                j.rowsFailed,
                j.error,
                j.createdAt,
                j.finishedAt,
                errors);
    }
}
