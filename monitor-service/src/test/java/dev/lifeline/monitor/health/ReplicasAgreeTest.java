package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three monitor replicas, each with its own reconciler, fed the same verdicts as the shared topic would, deciding
 * through one ledger with "first opener wins" (the database's role) whose events reach every replica a round later
 * (the outage topic's role). Each replica runs two probes of the platform.
 */
class ReplicasAgreeTest {

    private static final String PLATFORM = "instagram";
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration STALE_AFTER = Duration.ofSeconds(23);

    private final MutableClock clock = MutableClock.atEpoch();
    private final HealthPolicy policy = new HealthPolicy(3, 2, 0.5, 21, 25, 10, Duration.ofMinutes(10));
    private final Ledger ledger = new Ledger();
    private final Map<String, OutageReconciler> replicas = new LinkedHashMap<>();

    private OutageReconciler start(String instance) {
        OutageReconciler replica = new OutageReconciler(policy, clock, ledger, (platform, state) -> {});
        // What a starting instance reads from the database before its first verdict counts.
        ledger.open.forEach(replica::opened);
        replicas.put(instance, replica);
        return replica;
    }

    /** One probe interval: every live replica's two probes run and every live replica hears every verdict. */
    private void round(Map<String, ProbeOutcome> seenBy) {
        clock.advance(INTERVAL);
        int turn = 0;
        for (String instance : seenBy.keySet()) {
            for (String probe : List.of("http", "statuspage")) {
                Observation observation = new Observation(
                        PLATFORM + "-" + probe + "@" + instance,
                        seenBy.get(instance),
                        null,
                        clock.instant(),
                        new ProbeEvidence(
                                PLATFORM + "-" + probe,
                                probe,
                                seenBy.get(instance) == ProbeOutcome.OK,
                                10L,
                                "x",
                                clock.instant()),
                        STALE_AFTER);
                List<Map.Entry<String, OutageReconciler>> order = new ArrayList<>(replicas.entrySet());
                // Replicas hear verdicts in different orders, as from different partitions.
                Collections.rotate(order, turn++);
                for (Map.Entry<String, OutageReconciler> replica : order) {
                    deciding = replica.getKey();
                    replica.getValue().observe(PLATFORM, observation);
                }
            }
        }
        ledger.deliver();
    }

    private void rounds(int n, ProbeOutcome outcome) {
        for (int i = 0; i < n; i++) {
            Map<String, ProbeOutcome> all = new LinkedHashMap<>();
            replicas.keySet().forEach(instance -> all.put(instance, outcome));
            round(all);
        }
    }

    private void threeReplicas() {
        start("monitor-1");
        start("monitor-2");
        start("monitor-3");
    }

    @Test
    void exactlyOneStartedAndOneResolvedPerIncidentWhicheverReplicaSeesItFirst() {
        threeReplicas();
        rounds(2, ProbeOutcome.OK);
        rounds(6, ProbeOutcome.FAILED);
        rounds(20, ProbeOutcome.OK);
        assertThat(ledger.events).containsExactly("started", "resolved");
    }

    @Test
    void oneReplicaWithABrokenNetworkCannotOpenAnOutageOnItsOwn() {
        threeReplicas();
        for (int i = 0; i < 12; i++) {
            round(Map.of("monitor-1", ProbeOutcome.FAILED, "monitor-2", ProbeOutcome.OK, "monitor-3", ProbeOutcome.OK));
        }
        assertThat(ledger.events).isEmpty();
        replicas.remove("monitor-3");
        for (int i = 0; i < 12; i++) {
            round(Map.of("monitor-1", ProbeOutcome.FAILED, "monitor-2", ProbeOutcome.OK));
        }
        assertThat(ledger.events).as("one of two replicas is no quorum either").isEmpty();
    }

    @Test
    void killingTheReplicaThatOpenedTheOutageStillResolvesItWhenThePlatformRecovers() {
        threeReplicas();
        rounds(6, ProbeOutcome.FAILED);
        assertThat(ledger.events).containsExactly("started");
        String opener = ledger.openedBy;
        replicas.remove(opener);
        rounds(20, ProbeOutcome.OK);
        assertThat(ledger.events).containsExactly("started", "resolved");
        assertThat(ledger.resolvedBy).isNotEqualTo(opener);
    }

    @Test
    void aReplicaThatStartsDuringAnOutageNeverResolvesItBeforeItHasSeenTheRecovery() {
        threeReplicas();
        rounds(6, ProbeOutcome.FAILED);
        replicas.remove("monitor-2");
        start("monitor-2b");
        rounds(1, ProbeOutcome.FAILED);
        Map<String, ProbeOutcome> onlyTheNewOne = new LinkedHashMap<>();
        onlyTheNewOne.put("monitor-2b", ProbeOutcome.FAILED);
        round(onlyTheNewOne);
        assertThat(ledger.events)
                .as("its first results are failures: nothing to resolve")
                .containsExactly("started");
        rounds(6, ProbeOutcome.FAILED);
        assertThat(ledger.events).containsExactly("started");
        rounds(20, ProbeOutcome.OK);
        assertThat(ledger.events).containsExactly("started", "resolved");
    }

    @Test
    void aReplicaThatStartsWhileThePlatformIsBackButTheOutageStillOpenNeedsTheSuccessThreshold() {
        threeReplicas();
        rounds(6, ProbeOutcome.FAILED);
        replicas.clear();
        OutageReconciler fresh = start("monitor-new");
        Map<String, ProbeOutcome> ok = Map.of("monitor-new", ProbeOutcome.OK);
        round(ok);
        assertThat(ledger.events).as("one success is not a recovery").containsExactly("started");
        assertThat(fresh.health(PLATFORM).orElseThrow().state().outageOpen()).isTrue();
        for (int i = 0; i < 10; i++) {
            round(ok);
        }
        assertThat(ledger.events).containsExactly("started", "resolved");
    }

    @Test
    void upAndDegradedOnAndOffAcrossReplicasNeverOpensAnOutage() {
        threeReplicas();
        for (int i = 0; i < 40; i++) {
            rounds(1, i % 2 == 0 ? ProbeOutcome.DEGRADED : ProbeOutcome.OK);
        }
        assertThat(ledger.events).isEmpty();
        assertThat(replicas.values())
                .allSatisfy(r ->
                        assertThat(r.health(PLATFORM).orElseThrow().flapping()).isFalse());
    }

    /** The database: one open outage per platform, the first opener wins; its events reach replicas a round later. */
    private final class Ledger implements OutageReconciler.Ledger {
        final Map<String, OutageReconciler.OpenOutage> open = new LinkedHashMap<>();
        final List<String> events = new ArrayList<>();
        private final List<Runnable> topic = new ArrayList<>();
        String openedBy;
        String resolvedBy;

        @Override
        public Optional<OutageReconciler.OpenOutage> start(
                String platformId, Severity severity, Instant startedAt, List<ProbeEvidence> evidence) {
            OutageReconciler.OpenOutage current = open.get(platformId);
            if (current == null) {
                current = new OutageReconciler.OpenOutage(UUID.randomUUID().toString(), OutageSource.PROBE, startedAt);
                open.put(platformId, current);
                events.add("started");
                openedBy = deciding;
                OutageReconciler.OpenOutage opened = current;
                topic.add(() -> replicas.values().forEach(r -> r.opened(platformId, opened)));
            }
            return Optional.of(current);
        }

        @Override
        public void resolve(String platformId) {
            OutageReconciler.OpenOutage current = open.remove(platformId);
            if (current != null) {
                events.add("resolved");
                resolvedBy = deciding;
                topic.add(() -> replicas.values().forEach(r -> r.closed(platformId, current.id(), OutageSource.PROBE)));
            }
        }

        @Override
        public void update(String platformId, Severity severity, List<ProbeEvidence> evidence) {}

        void deliver() {
            List<Runnable> now = new ArrayList<>(topic);
            topic.clear();
            now.forEach(Runnable::run);
        }
    }

    /** Which replica is feeding a verdict to its machine right now, i.e. who calls the ledger. */
    private String deciding;
}
