package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The state machine of one platform: UP → DEGRADED → DOWN → RECOVERING → UP, and MAINTENANCE beside UP.
 * <ul>
 *   <li>UP → DEGRADED: a quorum of voters' latest verdict is bad (slow, minor, failed).</li>
 *   <li>→ DOWN: a quorum of voters failed {@code failureThreshold} times in a row, or the platform starts flapping
 *       between up and <em>failed</em> (one outage per flapping episode instead of one per flap). Degraded is not
 *       down: going between up and degraded never opens an outage.</li>
 *   <li>→ MAINTENANCE: a live voter reports planned maintenance (a status page's maintenance indicator, a component
 *       under maintenance, a scheduled maintenance in progress); no outage opens while it lasts.</li>
 *   <li>DOWN → RECOVERING: neither a failing quorum nor a quorum whose latest verdict failed is left.</li>
 *   <li>RECOVERING → UP: a quorum succeeded {@code successThreshold} times in a row and the platform has settled
 *       (see {@link #settled()}); RECOVERING → DOWN when a failed quorum comes back.</li>
 * </ul>
 * Quorum spans monitor instances: while voters of two or more instances are live, a quorum must also include voters of
 * two instances, so that one instance with a broken network cannot take a platform down on its own.
 * Not thread-safe: callers serialise observations per platform.
 */
public final class PlatformHealth {

    private final HealthPolicy policy;
    private final Clock clock;
    private final Map<String, Voter> voters = new LinkedHashMap<>();
    private final FlapDetector flaps;
    private HealthState state = HealthState.UP;
    private Instant firstBadAt;
    private Instant stateSince;

    public PlatformHealth(HealthPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.flaps = new FlapDetector(policy.flapWindow(), policy.flapHigh(), policy.flapLow());
        this.stateSince = clock.instant();
    }

    public Transition observe(Observation observation) {
        voters.computeIfAbsent(observation.voter(), id -> new Voter()).record(observation);
        forgetLongGoneVoters();
        HealthState before = state;
        boolean flappingBefore = flaps.flapping();

        List<Voter> live = liveVoters();
        boolean maintenance = live.stream().anyMatch(v -> v.latest.outcome() == ProbeOutcome.MAINTENANCE);
        boolean badQuorum = quorum(live, v -> v.latest.outcome().isBad());
        boolean failedNow = quorum(live, v -> v.latest.outcome() == ProbeOutcome.FAILED);
        boolean failing = quorum(live, v -> v.failures >= policy.failureThreshold());
        boolean recovered = quorum(live, v -> v.successes >= policy.successThreshold());
        // Damping guards the way down: only changes between "failed" and "not failed" count as flaps.
        boolean flapping = flaps.record(failedNow && !maintenance);

        if (badQuorum && firstBadAt == null && !maintenance) {
            firstBadAt = observation.observedAt();
        }
        HealthState next = switch (state) {
            case UP, DEGRADED, MAINTENANCE ->
                maintenance
                        ? HealthState.MAINTENANCE
                        : failing || (flapping && !flappingBefore)
                                ? HealthState.DOWN
                                : badQuorum ? HealthState.DEGRADED : HealthState.UP;
            case DOWN -> failing || failedNow ? HealthState.DOWN : HealthState.RECOVERING;
            case RECOVERING ->
                failing || failedNow && !flapping
                        ? HealthState.DOWN
                        : recovered && settled() ? HealthState.UP : HealthState.RECOVERING;
        };
        moveTo(next);
        return new Transition(before, state, flappingBefore, flapping);
    }

    /**
     * Another instance opened an outage for this platform (seen in the shared database or on the outage topic):
     * this machine takes the platform as down too, so that it resolves the outage only after it has itself seen a
     * recovery, and never opens a second one.
     */
    public Transition adoptOutage(Instant startedAt) {
        HealthState before = state;
        if (!state.outageOpen()) {
            if (firstBadAt == null) {
                firstBadAt = startedAt;
            }
            moveTo(HealthState.DOWN);
        }
        return new Transition(before, state, flaps.flapping(), flaps.flapping());
    }

    /** Another instance resolved the outage: this machine follows instead of opening a new one. */
    public Transition adoptRecovery() {
        HealthState before = state;
        if (state.outageOpen()) {
            moveTo(HealthState.UP);
        }
        return new Transition(before, state, flaps.flapping(), flaps.flapping());
    }

    private void moveTo(HealthState next) {
        if (next == HealthState.UP || next == HealthState.MAINTENANCE) {
            firstBadAt = null;
        }
        if (next != state) {
            state = next;
            stateSince = clock.instant();
        }
    }

    /** At least the quorum of live voters match, and, while several instances vote, voters of two of them. */
    private boolean quorum(List<Voter> live, Predicate<Voter> test) {
        List<Voter> matching = live.stream().filter(test).toList();
        if (matching.size() < policy.quorumOf(live.size())) {
            return false;
        }
        Set<String> instances = live.stream().map(v -> v.latest.instance()).collect(Collectors.toSet());
        return instances.size() < 2
                || matching.stream().map(v -> v.latest.instance()).distinct().count() >= 2;
    }

    /**
     * Not flapping and below the low flap threshold: a platform that just went down once settles within a few checks,
     * one that keeps bouncing never does, so a flapping episode closes as one outage, not one per bounce.
     */
    private boolean settled() {
        return !flaps.flapping() && flaps.percentStateChange() < policy.flapLow();
    }

    public HealthState state() {
        return state;
    }

    public Instant stateSince() {
        return stateSince;
    }

    public boolean flapping() {
        return flaps.flapping();
    }

    /** When the platform first looked bad in the current episode: the outage's {@code startedAt}. */
    public Instant firstBadAt() {
        return firstBadAt;
    }

    /** The worst hint among voters whose latest verdict failed; MINOR while only flapping or degraded. */
    public Severity severity() {
        return liveVoters().stream()
                .filter(v -> v.latest.outcome() == ProbeOutcome.FAILED)
                .map(v -> v.latest.severityHint())
                .max(Comparator.naturalOrder())
                .orElse(Severity.MINOR);
    }

    /** The latest result of every live voter: why we think what we think. */
    public List<ProbeEvidence> evidence() {
        List<ProbeEvidence> out = new ArrayList<>();
        for (Voter v : liveVoters()) {
            if (v.latest.evidence() != null) {
                out.add(v.latest.evidence());
            }
        }
        return out;
    }

    private List<Voter> liveVoters() {
        Instant now = clock.instant();
        return voters.values().stream()
                .filter(v -> !v.latest.observedAt().isBefore(now.minus(staleAfter(v))))
                .toList();
    }

    /** Instances come and go (every pod has its own id): their voters must not pile up. */
    private void forgetLongGoneVoters() {
        Instant now = clock.instant();
        voters.values()
                .removeIf(v ->
                        v.latest.observedAt().isBefore(now.minus(staleAfter(v)).minus(policy.voterTtl())));
    }

    private Duration staleAfter(Voter v) {
        return v.latest.staleAfter() == null ? policy.voterTtl() : v.latest.staleAfter();
    }

    private static final class Voter {
        private Observation latest;
        private int failures;
        private int successes;

        void record(Observation observation) {
            latest = observation;
            if (observation.outcome() == ProbeOutcome.FAILED) {
                failures++;
                successes = 0;
            } else if (observation.outcome() == ProbeOutcome.OK) {
                successes++;
                failures = 0;
            } else {
                // Degraded and maintenance are neither a failure towards DOWN nor a success towards recovery.
                successes = 0;
            }
        }
    }
}
