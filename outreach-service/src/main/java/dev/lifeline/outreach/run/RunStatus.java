package dev.lifeline.outreach.run;

/** scheduled (grace period) → dispatched (jobs written) → completed when nothing is left to send; or cancelled. */
public final class RunStatus {
    public static final String SCHEDULED = "scheduled";
    public static final String DISPATCHED = "dispatched";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";

    private RunStatus() {}
}
