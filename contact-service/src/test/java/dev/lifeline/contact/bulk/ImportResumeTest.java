package dev.lifeline.contact.bulk;

import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * An import interrupted by a crash, simulated without killing the JVM: the job row and the rows its dead worker had
 * committed are written as that worker would have (progress commits with its chunk), with a heartbeat long past
 * {@code lifeline.contact.import-stall-after}; then the same file is uploaded again.
 */
@QuarkusTest
class ImportResumeTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    EntityManager em;

    @Inject
    BulkUpserter upserter;

    static final List<String> HEADER = List.of("name", "email");

    record File(byte[] bytes, List<List<String>> records, String hash, UUID jobId) {}

    private static File csv(Api.TenantKey tenant, int rows) throws Exception {
        String prefix = Api.unique();
        List<List<String>> records = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int n = 1; n <= rows; n++) {
            List<String> record = List.of("Customer " + n, "c" + n + "-" + prefix + "@example.com");
            records.add(record);
            text.append(String.join(",", record)).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new File(bytes, records, hash, ImportService.jobId(UUID.fromString(tenant.tenantId()), hash));
    }

    /** What a worker killed after committing the first {@code committed} rows leaves behind. */
    private UUID interrupted(Api.TenantKey tenant, File file, int committed, String state, Instant heartbeat) {
        UUID tenantId = UUID.fromString(tenant.tenantId());
        UUID runId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = file.jobId();
            job.tenantId = tenantId;
            job.contentHash = file.hash();
            job.state = state;
            job.rowsTotal = file.records().size();
            job.rowsRead = committed;
            job.rowsImported = committed;
            job.createdAt = heartbeat;
            job.updatedAt = heartbeat.truncatedTo(ChronoUnit.MICROS);
            job.runId = runId;
            job.error = "failed".equals(state) ? "internal error" : null;
            em.persist(job);
            if (committed > 0) {
                ImportColumns columns = ImportColumns.of(HEADER);
                List<BulkUpserter.Row> rows = new ArrayList<>();
                for (int i = 0; i < committed; i++) {
                    rows.add(new BulkUpserter.Row(
                            i + 2, columns.toInput(file.records().get(i))));
                }
                assertThat(upserter.apply(tenantId, rows).imported()).isEqualTo(committed);
            }
        });
        return runId;
    }

    private static Response upload(Api.TenantKey tenant, byte[] body) {
        return ImportCalls.upload(tenant, body);
    }

    private static Response awaitDone(Api.TenantKey tenant, String jobId) throws InterruptedException {
        return ImportCalls.awaitDone(tenant, jobId, Duration.ofSeconds(120));
    }

    private Map<String, Contact> contactsByEmail(Api.TenantKey tenant) {
        List<Contact> all = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("from Contact c where c.tenantId = ?1", Contact.class)
                        .setParameter(1, UUID.fromString(tenant.tenantId()))
                        .getResultList());
        Map<String, Contact> byEmail = all.stream().collect(Collectors.toMap(c -> c.email, c -> c));
        assertThat(byEmail).as("one contact per address").hasSameSizeAs(all);
        return byEmail;
    }

    private ImportJob job(UUID jobId) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ImportJob.class, jobId));
    }

    @Test
    void reuploadOfAnInterruptedImportResumesAfterTheCommittedRowsAndPublishesTheRest() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        int total = 1_050;
        int committed = ImportWorker.CHUNK;
        File file = csv(tenant, total);
        UUID deadRun =
                interrupted(tenant, file, committed, "running", Instant.now().minusSeconds(3600));

        // Two re-uploads at once: one takes the job over, the other is told it is already there.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> calls = List.of(
                    pool.submit(() -> upload(tenant, file.bytes())), pool.submit(() -> upload(tenant, file.bytes())));
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 202);
        Response resumed =
                answers.stream().filter(a -> a.statusCode() == 202).findFirst().orElseThrow();
        resumed.then()
                .header("X-Lifeline-Duplicate-Upload", nullValue())
                .body("id", equalTo(file.jobId().toString()))
                .body("rowsRead", equalTo(committed));
        answers.stream()
                .filter(a -> a.statusCode() == 200)
                .findFirst()
                .orElseThrow()
                .then()
                .header("X-Lifeline-Duplicate-Upload", "true")
                .body("id", equalTo(file.jobId().toString()));

        awaitDone(tenant, file.jobId().toString())
                .then()
                .body("state", equalTo("done"))
                .body("rowsTotal", equalTo(total))
                .body("rowsRead", equalTo(total))
                .body("imported", equalTo(total))
                .body("merged", equalTo(0))
                .body("failed", equalTo(0))
                .body("error", nullValue());
        assertThat(job(file.jobId()).runId).isNotEqualTo(deadRun);

        Map<String, Contact> contacts = contactsByEmail(tenant);
        assertThat(contacts.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        file.records().stream().map(r -> r.get(1)).toList());
        assertThat(contacts.values())
                .as("no row applied twice")
                .allSatisfy(c -> assertThat(c.version).isEqualTo(1));

        Set<String> resumedIds = file.records().subList(committed, total).stream()
                .map(r -> contacts.get(r.get(1)).id.toString())
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> events = TopicReader.await(
                stack.kafka().bootstrapServers(),
                Topics.CONTACTS,
                r -> resumedIds.contains(r.key()),
                resumedIds.size());
        assertThat(events).hasSize(resumedIds.size());
        assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(resumedIds);
        assertThat(events).allSatisfy(r -> {
            assertThat(TopicReader.header(r, "ce_type")).isEqualTo("dev.lifeline.contact.upserted");
            assertThat(EventCodec.decode(r.value(), ContactUpserted.class).version())
                    .isEqualTo(1);
        });
    }

    @Test
    void reuploadOfAFailedImportResumesItAtOnce() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        File file = csv(tenant, 4);
        interrupted(tenant, file, 2, "failed", Instant.now());

        upload(tenant, file.bytes())
                .then()
                .statusCode(202)
                .body("id", equalTo(file.jobId().toString()))
                .body("rowsRead", equalTo(2))
                .body("error", nullValue());
        awaitDone(tenant, file.jobId().toString())
                .then()
                .body("state", equalTo("done"))
                .body("rowsRead", equalTo(4))
                .body("imported", equalTo(4))
                .body("error", nullValue());
        assertThat(contactsByEmail(tenant)).hasSize(4);
    }

    @Test
    void reuploadOfALiveImportStartsNoSecondWorker() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        File file = csv(tenant, 3);
        UUID liveRun = interrupted(tenant, file, 0, "running", Instant.now());

        upload(tenant, file.bytes())
                .then()
                .statusCode(200)
                .header("X-Lifeline-Duplicate-Upload", "true")
                .body("id", equalTo(file.jobId().toString()))
                .body("state", equalTo("running"))
                .body("rowsRead", equalTo(0));
        ImportJob job = job(file.jobId());
        assertThat(job.runId).as("still owned by the live worker").isEqualTo(liveRun);
        assertThat(job.state).isEqualTo("running");
        assertThat(job.rowsRead).isZero();
        assertThat(contactsByEmail(tenant)).isEmpty();
    }

    @Test
    void theSameFileUploadedSeveralTimesAtOnceMakesOneJobAndNoError() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        File file = csv(tenant, 50);
        int uploads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                answers.add(pool.submit(() -> upload(tenant, file.bytes())));
            }
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertThat(r.statusCode()).as(r.asString()).isIn(200, 202);
                assertThat(r.<String>path("id")).isEqualTo(file.jobId().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(awaitDone(tenant, file.jobId().toString()).<Integer>path("imported"))
                .isEqualTo(50);
        assertThat(contactsByEmail(tenant)).hasSize(50);
    }

    @Test
    void aBrokenFileUploadedAgainIsRefusedAgainTheSameWay() {
        Api.TenantKey tenant = Api.newTenant();
        byte[] broken = "email,name\nok@example.com,Ok\n\"broken@example.com,Broken\n".getBytes(StandardCharsets.UTF_8);
        String first = upload(tenant, broken)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("row 3"))
                .extract()
                .asString();
        String again = upload(tenant, broken)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(again).isEqualTo(first);
        assertThat(contactsByEmail(tenant)).isEmpty();
    }
}
