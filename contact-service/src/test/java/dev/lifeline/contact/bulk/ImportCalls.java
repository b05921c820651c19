package dev.lifeline.contact.bulk;

import dev.lifeline.contact.support.Api;
import io.restassured.response.Response;

import java.time.Duration;

/** The import endpoints as a tenant's client calls them. */
final class ImportCalls {

    private ImportCalls() {}

    static Response upload(Api.TenantKey tenant, byte[] body) {
        return tenant.as().contentType("text/csv").body(body).post("/api/v1/contacts/imports");
    }

    /** Polls the job until it is done or failed, or the timeout passes; the last answer. */
    static Response awaitDone(Api.TenantKey tenant, String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response job;
        do {
            job = tenant.as().get("/api/v1/contacts/imports/" + jobId);
            if ("done".equals(job.path("state")) || "failed".equals(job.path("state"))) {
                return job;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return job;
    }
}
