package dev.lifeline.kit.egress;

/**
 * A tenant-defined target was refused because it is, or resolves to, an internal address. The message is safe to
 * show to the tenant and to log: it names the host and address, never a path, query or credentials.
 */
public final class EgressRefused extends RuntimeException {

    /** Probe and delivery errors start with this, so operators and tests can tell a refusal from an outage. */
    public static final String PREFIX = "refused: ";

    public EgressRefused(String message) {
        super(message, null, false, false);
    }

    /** The text recorded as a probe error or delivery failure. */
    public String detail() {
        return PREFIX + getMessage();
    }
}
