package dev.lifeline.contact.bulk;

import java.util.UUID;

/** One worker's hold on a job: its commits count only while the job's {@code run_id} is still this one. */
record ImportRun(UUID jobId, UUID runId, UUID tenantId) {

    /** The job was taken over by a newer run (this one was presumed dead): stop, change nothing. */
    static final class Lost extends RuntimeException {
        Lost() {
            super("the import job was taken over by another run", null, false, false);
        }
    }

    static boolean lost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Lost) {
                return true;
            }
        }
        return false;
    }
}
