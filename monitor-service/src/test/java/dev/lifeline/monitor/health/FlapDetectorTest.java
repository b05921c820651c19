package dev.lifeline.monitor.health;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlapDetectorTest {

    @Test
    void aSteadySeriesNeverFlaps() {
        FlapDetector detector = new FlapDetector(21, 40, 20);
        for (int i = 0; i < 50; i++) {
            assertThat(detector.record(false)).isFalse();
        }
        assertThat(detector.percentStateChange()).isZero();
    }

    @Test
    void aSingleOutageIsNotFlapping() {
        FlapDetector detector = new FlapDetector(21, 40, 20);
        for (int i = 0; i < 21; i++) {
            assertThat(detector.record(i >= 5 && i < 12)).isFalse();
        }
    }

    @Test
    void alternatingVerdictsFlapAtFullRate() {
        FlapDetector detector = new FlapDetector(21, 40, 20);
        for (int i = 0; i < 21; i++) {
            detector.record(i % 2 == 0);
        }
        assertThat(detector.percentStateChange()).isCloseTo(100.0, Offset.offset(0.001));
        assertThat(detector.flapping()).isTrue();
    }

    @Test
    void recentChangesWeighMoreThanOldOnes() {
        FlapDetector old = new FlapDetector(21, 40, 20);
        FlapDetector recent = new FlapDetector(21, 40, 20);
        for (int i = 0; i < 21; i++) {
            old.record(i == 1);
            recent.record(i == 19);
        }
        assertThat(recent.percentStateChange()).isGreaterThan(old.percentStateChange());
    }

    @Test
    void hysteresisKeepsFlappingUntilBelowTheLowThreshold() {
        FlapDetector detector = new FlapDetector(21, 40, 20);
        for (int i = 0; i < 21; i++) {
            detector.record(i % 2 == 0);
        }
        assertThat(detector.flapping()).isTrue();
        // Stable from now on: the change rate falls; flapping ends only once it is below 20 %.
        boolean sawBetweenThresholdsStillFlapping = false;
        while (detector.flapping()) {
            detector.record(false);
            double pct = detector.percentStateChange();
            if (pct < 40 && pct >= 20) {
                sawBetweenThresholdsStillFlapping |= detector.flapping();
            }
        }
        assertThat(sawBetweenThresholdsStillFlapping).isTrue();
        assertThat(detector.percentStateChange()).isLessThan(20);
    }
}
