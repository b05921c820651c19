package dev.lifeline.console.imports;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded files between the upload and the mapping step, on this instance's disk (not in the database: a
 * customer list can be tens of megabytes and is needed for minutes). A file belongs to the business in its name,
 * so another business's upload id finds nothing. Files older than an hour are deleted. One console instance, or
 * sticky sessions, are needed until this moves to shared storage.
 */
@ApplicationScoped
public class UploadSpool {

    static final Duration KEEP = Duration.ofHours(1);

    private final Path dir;

    public UploadSpool() {
        try {
            dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lifeline-console-imports"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the upload into the spool; its id. */
    public UUID keep(UUID businessId, Path upload) throws IOException {
        UUID id = UUID.randomUUID();
        Files.move(upload, file(businessId, id), StandardCopyOption.REPLACE_EXISTING);
        return id;
    }

    public Optional<Path> find(UUID businessId, UUID uploadId) {
        Path file = file(businessId, uploadId);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A copy of the upload with another header line, for contact-service; the caller deletes it. */
    public Path withHeader(Path upload, long dataOffset, List<String> header) throws IOException {
        Path mapped = Files.createTempFile(dir, "mapped-", ".csv");
        try (OutputStream out = Files.newOutputStream(mapped);
                InputStream in = Files.newInputStream(upload)) {
            out.write(ImportMapping.line(header).getBytes(StandardCharsets.UTF_8));
            in.skipNBytes(dataOffset);
            in.transferTo(out);
        }
        return mapped;
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // purged within the hour
        }
    }

    @Scheduled(every = "10m", delayed = "1m")
    void purge() throws IOException {
        Instant before = Instant.now().minus(KEEP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    delete(file);
                }
            }
        }
    }

    private Path file(UUID businessId, UUID uploadId) {
        return dir.resolve(businessId + "_" + uploadId + ".csv");
    }
}
