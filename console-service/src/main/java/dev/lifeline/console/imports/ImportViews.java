package dev.lifeline.console.imports;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** What the import pages show. */
public final class ImportViews {

    private ImportViews() {}

    /** One column of the mapping step: its name, a few of its values, the choice made. */
    public record Column(int index, String name, String samples, String choice) {

        /** The key of this column's message in the mapping's errors. */
        public String key() {
            return "col" + index;
        }

        /** Counted from 1, as people count columns. */
        public int number() {
            return index + 1;
        }
    }

    public record Mapping(
            String uploadId,
            List<Column> columns,
            String presetId,
            String detected,
            List<ImportPresets.Preset> presets,
            Map<String, String> choices,
            Map<String, String> errors) {}

    /** An import job's progress, as contact-service reports it. */
    public record Progress(
            String jobId,
            String state,
            long rowsTotal,
            long rowsRead,
            long imported,
            long merged,
            long failed,
            String error) {

        public int percent() {
            if ("done".equals(state)) {
                return 100;
            }
            return rowsTotal == 0 ? 0 : (int) Math.min(100, rowsRead * 100 / rowsTotal);
        }

        public boolean finished() {
            return "done".equals(state) || "failed".equals(state);
        }

        static Progress of(JsonNode job) {
            return new Progress(
                    job.path("id").asText(),
                    job.path("state").asText("queued"),
                    job.path("rowsTotal").asLong(),
                    job.path("rowsRead").asLong(),
                    job.path("imported").asLong(),
                    job.path("merged").asLong(),
                    job.path("failed").asLong(),
                    job.path("error").isTextual() ? job.path("error").asText() : null);
        }
    }
}
