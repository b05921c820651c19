package dev.lifeline.outreach.delivery;

import dev.lifeline.events.contact.ContactChannel;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiredClaimTest {

    private static final UUID RUN = UUID.randomUUID();
    private static final UUID CAMPAIGN = UUID.randomUUID();

    private static ExpiredClaim expired(String channel, String runStatus, String trigger, boolean outageResolved) {
        return new ExpiredClaim(RUN, "c1", channel, "t1", CAMPAIGN, runStatus, trigger, outageResolved);
    }

    @Test
    void aCrashedClaimOfARunStillGoingIsQueuedAgainWithAFreshJob() {
        ExpiredClaim e = expired("email", "dispatched", "outage", false);
        assertThat(e.cancellation()).isEmpty();
        assertThat(e.job()).hasValueSatisfying(job -> {
            assertThat(job.runId()).isEqualTo(RUN.toString());
            assertThat(job.campaignId()).isEqualTo(CAMPAIGN.toString());
            assertThat(job.contactId()).isEqualTo("c1");
            assertThat(job.tenantId()).isEqualTo("t1");
            assertThat(job.channel()).isEqualTo(ContactChannel.EMAIL);
        });
    }

    @Test
    void aCancelledRunsClaimIsCancelledLikeItsQueuedDeliveries() {
        assertThat(expired("email", "cancelled", "manual", false).cancellation())
                .hasValue("claim lease expired (sender crashed?); run cancelled");
    }

    @Test
    void anOutageRunsClaimIsCancelledOnceTheOutageIsResolved() {
        assertThat(expired("sms", "dispatched", "outage", true).cancellation())
                .hasValue("claim lease expired (sender crashed?); outage resolved");
    }

    @Test
    void aWereBackOrManualRunIsNotCancelledByTheResolvedOutage() {
        assertThat(expired("email", "dispatched", "recovery", true).cancellation())
                .isEmpty();
        assertThat(expired("email", "completed", "manual", false).cancellation())
                .isEmpty();
    }

    @Test
    void aWebhookCallIsQueuedAgainWithoutAJobBecauseTheLauncherPicksItFromTheLedger() {
        ExpiredClaim e = expired("webhook", "dispatched", "outage", false);
        assertThat(e.cancellation()).isEmpty();
        assertThat(e.job()).isEmpty();
    }
}
