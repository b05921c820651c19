package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state machine of one platform: UP → DEGRADED → DOWN → RECOVERING → UP.
 * <ul>
 *   <li>UP → DEGRADED: a quorum of voters' latest verdict is bad.</li>
 *   <li>→ DOWN: a quorum of voters failed {@code failureThreshold} times in a row, or the platform flaps
 *       (one outage per flapping episode instead of one per flap).</li>
 *   <li>DOWN → RECOVERING: the failing quorum is gone.</li>
 *   <li>RECOVERING → UP: a quorum of voters succeeded {@code successThreshold} times in a row and the platform has
 *       settled (see {@link #settled()}); RECOVERING → DOWN when a failing quorum comes back.</li>
 *   <li>DEGRADED → UP: the bad quorum is gone before the failure threshold was reached.</li>
 * </ul>
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
        Voter voter = voters.computeIfAbsent(observation.voter(), id -> new Voter());
        voter.record(observation);
        HealthState before = state;
        boolean flappingBefore = flaps.flapping();

        List<Voter> live = liveVoters();
        int quorum = policy.quorumOf(live.size());
        long bad = live.stream().filter(v -> v.latest.outcome().isBad()).count();
        long failing = live.stream().filter(v -> v.failures >= policy.failureThreshold()).count();
        long recovered = live.stream().filter(v -> v.successes >= policy.successThreshold()).count();
        boolean badQuorum = bad >= quorum;
        boolean flapping = flaps.record(badQuorum);

        if (badQuorum && firstBadAt == null) {
            firstBadAt = observation.observedAt();
        }
        HealthState next = switch (state) {
            case UP, DEGRADED -> failing >= quorum || (flapping && !flappingBefore) ? HealthState.DOWN
                    : badQuorum ? HealthState.DEGRADED : HealthState.UP;
            case DOWN -> failing >= quorum ? HealthState.DOWN : HealthState.RECOVERING;
            case RECOVERING -> failing >= quorum || badQuorum && !flapping ? HealthState.DOWN
                    : recovered >= quorum && settled() ? HealthState.UP : HealthState.RECOVERING;
        };
        if (next == HealthState.UP) {
            firstBadAt = null;
        }
        if (next != state) {
            state = next;
            stateSince = clock.instant();
        }
        return new Transition(before, state, flappingBefore, flapping);
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

    /** The worst hint among voters whose latest verdict is bad; MINOR while only flapping or degraded. */
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
        Instant horizon = clock.instant().minus(policy.voterTtl());
        return voters.values().stream().filter(v -> !v.latest.observedAt().isBefore(horizon)).toList();
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
                // Degraded is neither a failure towards DOWN nor a success towards recovery.
                successes = 0;
            }
        }
    }
}
