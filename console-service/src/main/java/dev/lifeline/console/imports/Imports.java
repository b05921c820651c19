package dev.lifeline.console.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.contacts.ProblemFields;
import dev.lifeline.console.services.ContactClient;
import dev.lifeline.console.services.ServiceHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The import steps: the upload's head for the mapping step, the mapped file to contact-service, its progress. */
@ApplicationScoped
public class Imports {

    static final int SAMPLE_ROWS = 3;

    /** Either the started job's id or messages for the mapping page. */
    public record Started(String jobId, Map<String, String> errors) {}

    private final UploadSpool spool;
    private final ContactClient contacts;

    public Imports(UploadSpool spool, ContactClient contacts) {
        this.spool = spool;
        this.contacts = contacts;
    }

    /** The mapping step's page; empty for an unknown upload (expired, or another business's). */
    public Optional<ImportViews.Mapping> mapping(
            UUID businessId, UUID uploadId, String presetId, List<String> chosen, Map<String, String> errors)
            throws IOException {
        Optional<Path> file = spool.find(businessId, uploadId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        CsvHead.Head head;
        try {
            head = CsvHead.read(file.get(), SAMPLE_ROWS);
        } catch (CsvHead.Unreadable e) {
            return Optional.empty();
        }
        Optional<ImportPresets.Preset> detected = ImportPresets.detect(head.columns());
        Optional<ImportPresets.Preset> preset = presetId == null ? detected : ImportPresets.byId(presetId);
        List<String> choices = chosen != null ? chosen : ImportPresets.defaults(head.columns(), preset);
        List<ImportViews.Column> columns = new ArrayList<>();
        for (int i = 0; i < head.columns().size(); i++) {
            List<String> values = new ArrayList<>();
            for (List<String> row : head.samples()) {
                if (i < row.size() && !row.get(i).isBlank()) {
                    values.add(row.get(i).strip());
                }
            }
            // A refused form may carry fewer choices than the file has columns: the rest show as "ignore".
            String choice = i < choices.size() ? choices.get(i) : "ignore";
            columns.add(new ImportViews.Column(i, head.columns().get(i), String.join(" · ", values), choice));
        }
        return Optional.of(new ImportViews.Mapping(
                uploadId.toString(),
                columns,
                preset.map(ImportPresets.Preset::id).orElse(""),
                detected.map(ImportPresets.Preset::label).orElse(null),
                ImportPresets.ALL,
                ImportPresets.CHOICES,
                errors));
    }

    /** Maps the header, hands the file to contact-service; empty for an unknown upload. */
    public Optional<Started> start(String apiKey, UUID businessId, UUID uploadId, List<String> choices)
            throws IOException {
        Optional<Path> file = spool.find(businessId, uploadId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        CsvHead.Head head;
        try {
            head = CsvHead.read(file.get(), 0);
        } catch (CsvHead.Unreadable e) {
            return Optional.empty();
        }
        ImportMapping.Result mapped = ImportMapping.of(head.columns(), choices);
        if (!mapped.ok()) {
            return Optional.of(new Started(null, mapped.errors()));
        }
        Path upload = spool.withHeader(file.get(), head.dataOffset(), mapped.header());
        try {
            ServiceHttp.Reply reply = contacts.startImport(apiKey, upload, "ignore");
            if (reply.ok()) {
                spool.delete(file.get());
                return Optional.of(new Started(reply.body().path("id").asText(), Map.of()));
            }
            if (reply.status() == 400 || reply.status() == 413) {
                Map<String, String> problem = ProblemFields.toForm(reply.body(), List.of());
                return Optional.of(new Started(
                        null, Map.of("mapping", problem.values().iterator().next())));
            }
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        } finally {
            spool.delete(upload);
        }
    }

    /** The job's progress; empty for an unknown job (or another business's). */
    public Optional<ImportViews.Progress> progress(String apiKey, UUID jobId) {
        ServiceHttp.Reply reply = contacts.importJob(apiKey, jobId);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        return Optional.of(ImportViews.Progress.of(reply.body()));
    }

    /** The job's per-row errors as CSV (row, column, message); empty for an unknown job. */
    public Optional<String> errorsCsv(String apiKey, UUID jobId) {
        ServiceHttp.Reply reply = contacts.importJob(apiKey, jobId);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        StringBuilder csv = new StringBuilder("row,field,message\r\n");
        for (JsonNode error : reply.body().path("errors")) {
            csv.append(error.path("row").asLong())
                    .append(',')
                    .append(cell(error.path("field").asText("")))
                    .append(',')
                    .append(cell(error.path("message").asText("")))
                    .append("\r\n");
        }
        return Optional.of(csv.toString());
    }

    /** Quoted; a leading = + - @ is defused so that a spreadsheet does not run it as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
