package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.lifeline.monitor.health.HealthState.DEGRADED;
import static dev.lifeline.monitor.health.HealthState.DOWN;
import static dev.lifeline.monitor.health.HealthState.RECOVERING;
import static dev.lifeline.monitor.health.HealthState.UP;
import static org.assertj.core.api.Assertions.assertThat;

class PlatformHealthTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private final MutableClock clock = MutableClock.atEpoch();
    private final HealthPolicy policy = new HealthPolicy(3, 2, 0.5, 21, 25, 10, Duration.ofMinutes(1));
    private final PlatformHealth health = new PlatformHealth(policy, clock);

    private Transition tick(String voter, ProbeOutcome outcome) {
        clock.advance(INTERVAL);
        return health.observe(observation(voter, outcome, null));
    }

    private Observation observation(String voter, ProbeOutcome outcome, Severity severity) {
        return new Observation(
                voter,
                outcome,
                severity,
                clock.instant(),
                new ProbeEvidence(voter, "http", outcome == ProbeOutcome.OK, 10L, outcome.name(), clock.instant()));
    }

    @Test
    void staysUpWhileProbesSucceed() {
        for (int i = 0; i < 10; i++) {
            assertThat(tick("a", ProbeOutcome.OK).changed()).isFalse();
        }
        assertThat(health.state()).isEqualTo(UP);
    }

    @Test
    void firstFailureDegradesAndThirdTakesItDown() {
        assertThat(tick("a", ProbeOutcome.FAILED).to()).isEqualTo(DEGRADED);
        assertThat(tick("a", ProbeOutcome.FAILED).to()).isEqualTo(DEGRADED);
        Transition down = tick("a", ProbeOutcome.FAILED);
        assertThat(down.to()).isEqualTo(DOWN);
        assertThat(down.outageOpened()).isTrue();
    }

    @Test
    void outageStartsAtTheFirstBadObservationNotAtTheDecision() {
        tick("a", ProbeOutcome.OK);
        tick("a", ProbeOutcome.FAILED);
        var firstBad = clock.instant();
        tick("a", ProbeOutcome.FAILED);
        tick("a", ProbeOutcome.FAILED);
        assertThat(health.state()).isEqualTo(DOWN);
        assertThat(health.firstBadAt()).isEqualTo(firstBad);
    }

    @Test
    void degradedReturnsToUpWhenFailuresStopBeforeTheThreshold() {
        tick("a", ProbeOutcome.FAILED);
        tick("a", ProbeOutcome.FAILED);
        Transition back = tick("a", ProbeOutcome.OK);
        assertThat(back.from()).isEqualTo(DEGRADED);
        assertThat(back.to()).isEqualTo(UP);
        assertThat(health.firstBadAt()).isNull();
    }

    @Test
    void slowResponsesDegradeButNeverTakeThePlatformDown() {
        for (int i = 0; i < 10; i++) {
            tick("a", ProbeOutcome.DEGRADED);
        }
        assertThat(health.state()).isEqualTo(DEGRADED);
    }

    @Test
    void downRecoversThroughRecoveringAfterTheSuccessThresholdOnceSettled() {
        goDown("a");
        Transition first = tick("a", ProbeOutcome.OK);
        assertThat(first.to()).isEqualTo(RECOVERING);
        assertThat(first.outageClosed()).isFalse();
        int checks = 1;
        while (health.state() != UP && checks < 20) {
            Transition t = tick("a", ProbeOutcome.OK);
            checks++;
            assertThat(t.outageOpened()).isFalse();
        }
        assertThat(health.state()).isEqualTo(UP);
        // At least the success threshold; more because one down-and-up must settle below the low flap threshold
        // before it counts as over (the price of one outage per flapping episode).
        assertThat(checks).isBetween(2, 12);
    }

    @Test
    void aFailureWhileRecoveringGoesBackDownWithoutClosingTheOutage() {
        goDown("a");
        tick("a", ProbeOutcome.OK);
        Transition relapse = tick("a", ProbeOutcome.FAILED);
        assertThat(relapse.from()).isEqualTo(RECOVERING);
        assertThat(relapse.to()).isEqualTo(DOWN);
        assertThat(relapse.outageOpened()).isFalse();
        assertThat(relapse.outageClosed()).isFalse();
    }

    @Test
    void higherThresholdsNeedMoreEvidence() {
        PlatformHealth strict =
                new PlatformHealth(new HealthPolicy(5, 4, 0.5, 21, 25, 10, Duration.ofMinutes(1)), clock);
        for (int i = 0; i < 4; i++) {
            clock.advance(INTERVAL);
            strict.observe(observation("a", ProbeOutcome.FAILED, null));
        }
        assertThat(strict.state()).isEqualTo(DEGRADED);
        clock.advance(INTERVAL);
        strict.observe(observation("a", ProbeOutcome.FAILED, null));
        assertThat(strict.state()).isEqualTo(DOWN);
        for (int i = 0; i < 3; i++) {
            clock.advance(INTERVAL);
            strict.observe(observation("a", ProbeOutcome.OK, null));
        }
        assertThat(strict.state()).as("three successes are fewer than four").isEqualTo(RECOVERING);
        for (int i = 0; i < 10 && strict.state() != UP; i++) {
            clock.advance(INTERVAL);
            strict.observe(observation("a", ProbeOutcome.OK, null));
        }
        assertThat(strict.state()).isEqualTo(UP);
    }

    @Test
    void oneFailingProbeOutOfThreeIsNoQuorum() {
        for (int i = 0; i < 6; i++) {
            tick("a", ProbeOutcome.FAILED);
            tick("b", ProbeOutcome.OK);
            tick("c", ProbeOutcome.OK);
        }
        assertThat(health.state()).isEqualTo(UP);
    }

    @Test
    void twoFailingProbesOutOfThreeMakeAQuorum() {
        for (int i = 0; i < 3; i++) {
            tick("a", ProbeOutcome.FAILED);
            tick("b", ProbeOutcome.FAILED);
            tick("c", ProbeOutcome.OK);
        }
        assertThat(health.state()).isEqualTo(DOWN);
    }

    @Test
    void quorumSpansMonitorInstances() {
        for (int i = 0; i < 3; i++) {
            tick("http@monitor-1", ProbeOutcome.FAILED);
            tick("http@monitor-2", ProbeOutcome.OK);
            tick("http@monitor-3", ProbeOutcome.OK);
        }
        assertThat(health.state())
                .as("one instance's network trouble is not an outage")
                .isEqualTo(UP);
        for (int i = 0; i < 3; i++) {
            tick("http@monitor-1", ProbeOutcome.FAILED);
            tick("http@monitor-2", ProbeOutcome.FAILED);
        }
        assertThat(health.state()).isEqualTo(DOWN);
    }

    @Test
    void aSilentVoterStopsCountingAfterItsTimeToLive() {
        tick("a", ProbeOutcome.OK);
        tick("b", ProbeOutcome.OK);
        tick("c", ProbeOutcome.OK);
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            tick("a", ProbeOutcome.FAILED);
        }
        assertThat(health.state())
                .as("b and c went silent, a alone is the quorum")
                .isEqualTo(DOWN);
    }

    @Test
    void severityIsTheWorstHintOfTheFailingProbes() {
        clock.advance(INTERVAL);
        health.observe(observation("a", ProbeOutcome.FAILED, Severity.MAJOR));
        health.observe(observation("b", ProbeOutcome.FAILED, Severity.CRITICAL));
        assertThat(health.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(health.evidence()).extracting(ProbeEvidence::probeId).containsExactly("a", "b");
    }

    @Test
    void flappingOpensOneOutageAndHoldsItUntilThePlatformIsStable() {
        int opened = 0;
        int closed = 0;
        // Down for 3 checks, up for 3 checks, ten times over: a flapping platform.
        for (int cycle = 0; cycle < 10; cycle++) {
            for (int i = 0; i < 3; i++) {
                Transition t = tick("a", ProbeOutcome.FAILED);
                opened += t.outageOpened() ? 1 : 0;
                closed += t.outageClosed() ? 1 : 0;
            }
            for (int i = 0; i < 3; i++) {
                Transition t = tick("a", ProbeOutcome.OK);
                opened += t.outageOpened() ? 1 : 0;
                closed += t.outageClosed() ? 1 : 0;
            }
        }
        assertThat(health.flapping()).isTrue();
        assertThat(opened).isEqualTo(1);
        assertThat(closed).isZero();
        for (int i = 0; i < 30; i++) {
            Transition t = tick("a", ProbeOutcome.OK);
            closed += t.outageClosed() ? 1 : 0;
        }
        assertThat(health.flapping()).isFalse();
        assertThat(health.state()).isEqualTo(UP);
        assertThat(closed).isEqualTo(1);
    }

    @Test
    void flappingFasterThanTheFailureThresholdStillOpensExactlyOneOutage() {
        int opened = 0;
        for (int i = 0; i < 40; i++) {
            Transition t = tick("a", i % 2 == 0 ? ProbeOutcome.FAILED : ProbeOutcome.OK);
            opened += t.outageOpened() ? 1 : 0;
        }
        assertThat(opened).isEqualTo(1);
        assertThat(health.state().outageOpen()).isTrue();
    }

    private void goDown(String voter) {
        for (int i = 0; i < 3; i++) {
            tick(voter, ProbeOutcome.FAILED);
        }
        assertThat(health.state()).isEqualTo(DOWN);
    }

    @Test
    void goingBetweenUpAndDegradedNeverOpensAnOutage() {
        int opened = 0;
        for (int i = 0; i < 60; i++) {
            Transition t = tick("a", i % 2 == 0 ? ProbeOutcome.DEGRADED : ProbeOutcome.OK);
            opened += t.outageOpened() ? 1 : 0;
        }
        assertThat(opened).isZero();
        assertThat(health.flapping()).as("damping guards the way down only").isFalse();
        assertThat(health.state()).isIn(UP, DEGRADED);
    }

    @Test
    void aStatusPageGoingBetweenOperationalAndMinorWhileTheSiteAnswersNeverOpensAnOutage() {
        int opened = 0;
        for (int cycle = 0; cycle < 10; cycle++) {
            for (int i = 0; i < 4; i++) {
                opened += tick("http", ProbeOutcome.OK).outageOpened() ? 1 : 0;
                opened += tick("statuspage", cycle % 2 == 0 ? ProbeOutcome.DEGRADED : ProbeOutcome.OK)
                                .outageOpened()
                        ? 1
                        : 0;
            }
        }
        assertThat(opened).isZero();
    }

    @Test
    void plannedMaintenanceIsNoOutageEvenWhileTheSiteAnswersErrors() {
        for (int i = 0; i < 12; i++) {
            assertThat(tick("http", ProbeOutcome.FAILED).outageOpened()).isFalse();
            assertThat(tick("statuspage", ProbeOutcome.MAINTENANCE).outageOpened())
                    .isFalse();
        }
        assertThat(health.state()).isEqualTo(HealthState.MAINTENANCE);
        Transition after = tick("statuspage", ProbeOutcome.OK);
        assertThat(after.to())
                .as("maintenance over and the site still fails: that is an outage")
                .isEqualTo(DOWN);
    }

    @Test
    void maintenanceEndingWithTheSiteBackIsNoOutage() {
        for (int i = 0; i < 6; i++) {
            tick("http", ProbeOutcome.FAILED);
            tick("statuspage", ProbeOutcome.MAINTENANCE);
        }
        tick("http", ProbeOutcome.OK);
        Transition after = tick("statuspage", ProbeOutcome.OK);
        assertThat(after.to()).isEqualTo(UP);
    }

    @Test
    void oneOfTwoInstancesFailingIsNoQuorum() {
        for (int i = 0; i < 10; i++) {
            tick("http@monitor-1", ProbeOutcome.FAILED);
            tick("http@monitor-2", ProbeOutcome.OK);
        }
        assertThat(health.state())
                .as("two instances disagree: one broken network")
                .isEqualTo(UP);
    }

    @Test
    void aMachineThatAdoptsAnOpenOutageNeedsTheSuccessThresholdBeforeItRecovers() {
        health.adoptOutage(clock.instant());
        assertThat(tick("a", ProbeOutcome.OK).outageClosed())
                .as("one success after a start is no recovery")
                .isFalse();
        assertThat(health.state()).isEqualTo(RECOVERING);
        assertThat(tick("a", ProbeOutcome.OK).outageClosed()).isTrue();
    }

    @Test
    void aVoterOfADeadInstanceStopsCountingAfterItsOwnStaleness() {
        for (int i = 0; i < 3; i++) {
            clock.advance(INTERVAL);
            health.observe(new Observation(
                    "a@dead", ProbeOutcome.FAILED, null, clock.instant(), null, Duration.ofSeconds(20)));
            health.observe(new Observation(
                    "a@alive", ProbeOutcome.FAILED, null, clock.instant(), null, Duration.ofSeconds(20)));
        }
        assertThat(health.state()).isEqualTo(DOWN);
        for (int i = 0; i < 12; i++) {
            clock.advance(INTERVAL);
            health.observe(
                    new Observation("a@alive", ProbeOutcome.OK, null, clock.instant(), null, Duration.ofSeconds(20)));
        }
        assertThat(health.state())
                .as("the dead instance's last failure no longer holds the platform down")
                .isEqualTo(UP);
    }
}
