package dev.lifeline.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the suite found, as {@code name: value} lines: counters that tests add to as they go (recorded before they
 * assert, so that a failing run still reports what it saw) and measured values that they set.
 * {@link ResultsTable} prints and writes them when the run ends.
 */
public final class Results {

    public static final String FAULTS_SURVIVED = "faults survived";
    public static final String DUPLICATES = "duplicates";
    public static final String DUPLICATES_INSIDE_CLAIM_LEASE = "duplicates inside a claim lease (kill -9)";
    public static final String LOST = "lost";
    public static final String BAD_INPUTS_TRIED = "bad inputs tried";
    public static final String SERVER_ERRORS = "5xx";
    public static final String ISOLATION_CHECKS = "isolation checks";
    public static final String RATE_LIMIT_OVERSHOOT = "rate limit overshoot across instances";
    public static final String MONITOR_FAILOVERS = "monitor failovers survived";
    public static final String DUPLICATE_OUTAGE_EVENTS = "duplicate outage events";
    public static final String OUTAGES_LEFT_OPEN = "outages left open";
    public static final String SSRF_REFUSED = "ssrf targets refused";
    public static final String DEAD_LETTERED_IN_FAULTS = "records dead-lettered during fault drills";
    public static final String TENANT_DELETIONS_VERIFIED = "tenant deletions verified";

    /** The headline lines the issue asks for, present even when nothing was counted under them. */
    private static final String[] HEADLINES = {
        FAULTS_SURVIVED,
        DUPLICATES,
        DUPLICATES_INSIDE_CLAIM_LEASE,
        LOST,
        BAD_INPUTS_TRIED,
        SERVER_ERRORS,
        ISOLATION_CHECKS,
        MONITOR_FAILOVERS,
        DUPLICATE_OUTAGE_EVENTS,
        OUTAGES_LEFT_OPEN,
        RATE_LIMIT_OVERSHOOT,
        SSRF_REFUSED,
        DEAD_LETTERED_IN_FAULTS,
        TENANT_DELETIONS_VERIFIED
    };

    private static final Map<String, Object> VALUES = new LinkedHashMap<>();

    static {
        for (String headline : HEADLINES) {
            VALUES.put(headline, 0L);
        }
    }

    private Results() {}

    public static synchronized void add(String name, long amount) {
        VALUES.merge(name, amount, (old, plus) -> (Long) old + (Long) plus);
    }

    /** A measured value, e.g. a throughput; replaces an earlier one. */
    public static synchronized void set(String name, String value) {
        VALUES.put(name, value);
    }

    static synchronized String table() {
        StringBuilder table = new StringBuilder();
        VALUES.forEach(
                (name, value) -> table.append(name).append(": ").append(value).append('\n'));
        return table.toString();
    }

    static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
