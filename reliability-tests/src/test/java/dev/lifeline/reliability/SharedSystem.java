package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;

import java.util.Map;

/**
 * One running system for the whole suite: starting three services takes a minute on two cores, and a system that has
 * been through every fault before the next test is a stronger test, not a weaker one. Each test brings its own
 * business (tenant, contacts, platform), so tests do not see each other's mail. Stopped when the test JVM exits.
 */
final class SharedSystem {

    /** Sends per second per tenant: slow enough that a fault lands while a campaign of a few thousand is running. */
    static final int SEND_RATE = 100;

    private static RunningSystem system;

    private SharedSystem() {}

    static synchronized RunningSystem get() {
        if (system == null) {
            system = RunningSystem.start(
                    Map.of(
                            RunningSystem.OUTREACH,
                                    Map.of(
                                            "lifeline.limits.tenant-per-second", Integer.toString(SEND_RATE),
                                            // A crashed sender's claims are sent again after this lease instead of two
                                            // minutes.
                                            "lifeline.delivery.claim-lease", "PT15S",
                                            // One delivery consumer per instance, so a second instance takes partitions
                                            // over.
                                            "mp.messaging.incoming.deliveries-in.partitions", "1",
                                            // A killed member leaves the group after 6 s instead of 45 s.
                                            "kafka.session.timeout.ms", "6000",
                                            "kafka.heartbeat.interval.ms", "1000"),
                            RunningSystem.CONTACT,
                                    Map.of(
                                            // An import whose service was killed is resumed by a re-upload after this.
                                            "lifeline.contact.import-stall-after", "PT5S")),
                    // The monitor watches an in-process platform simulator, so that platforms can go down and recover.
                    true);
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "reliability-system-stop"));
        }
        return system;
    }
}
