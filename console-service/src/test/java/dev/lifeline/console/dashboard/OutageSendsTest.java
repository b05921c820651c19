package dev.lifeline.console.dashboard;

import dev.lifeline.console.services.OutreachClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutageSendsTest {

    private static OutreachClient.Run run(String outage, String status, boolean dryRun, int sent, int failed) {
        return new OutreachClient.Run(
                "r-" + sent,
                "c",
                outage,
                "instagram",
                "outage",
                status,
                dryRun,
                sent + failed,
                0,
                0,
                0,
                sent,
                failed,
                1,
                0,
                sent - 1,
                0,
                0,
                Instant.EPOCH,
                null);
    }

    @Test
    void theOutagesRunsAreSummed_andDryRunsAndOtherOutagesLeftOut() {
        OutageSends sends = OutageSends.of(
                "o1",
                List.of(
                        run("o1", "finished", false, 10, 2),
                        run("o1", "finished", false, 5, 0),
                        run("o1", "finished", true, 100, 0),
                        run("o2", "finished", false, 50, 0)));

        assertThat(sends.runs()).isEqualTo(2);
        assertThat(sends.sent()).isEqualTo(15);
        assertThat(sends.failed()).isEqualTo(2);
        assertThat(sends.delivered()).isEqualTo(13);
        assertThat(sends.bounced()).isEqualTo(2);
        assertThat(sends.live()).isFalse();
    }

    @Test
    void aRunStillSendingKeepsTheFiguresLive_andNoRunIsNoSend() {
        assertThat(OutageSends.of("o1", List.of(run("o1", "dispatched", false, 1, 0)))
                        .live())
                .isTrue();
        assertThat(OutageSends.of("o1", List.of())).isEqualTo(new OutageSends(0, 0, 0, 0, 0, false));
    }
}
