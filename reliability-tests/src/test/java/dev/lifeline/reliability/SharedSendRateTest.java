package dev.lifeline.reliability;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business's send rate is the business's, not each pod's: with two outreach instances sharing the campaign, the
 * SMTP server sees the business's mail arrive no faster than its configured rate (within 10%), and both instances
 * sent a share of it. Per-pod token buckets would let two instances send at twice the rate.
 */
@Order(5)
class SharedSendRateTest {

    /** Long enough at {@link SharedSystem#SEND_RATE}/s that the bucket's initial burst is a small part of the run. */
    private static final int AUDIENCE = 3_000;
    /** The window the rate is measured over: short enough to catch a burst, long enough to hold a few hundred mails. */
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private static final String SECOND = RunningSystem.OUTREACH + "-rate";

    private static RunningSystem system;

    @BeforeAll
    static void twoInstances() {
        system = SharedSystem.get();
        system.addInstance(RunningSystem.OUTREACH, SECOND);
    }

    @AfterAll
    static void oneInstanceAgain() {
        system.remove(SECOND);
    }

    @Test
    void twoInstancesTogetherKeepTheBusinesssSendRateAndNobodyGetsTwoMails() {
        Business business =
                Business.signUp(system, "rate-" + UUID.randomUUID().toString().substring(0, 8));
        business.importContacts(AUDIENCE);
        String campaign = business.emailCampaign("google-business-profile");
        business.awaitOutreachAudience(campaign, AUDIENCE, Duration.ofMinutes(3));

        Business.declareOutage(system, "google-business-profile");
        Inbox.Tally tally = Inbox.await(system, business, business.emails(AUDIENCE), Duration.ofMinutes(5));
        List<CapturedMail> mails = system.stack.mail().messages().stream()
                .filter(mail -> mail.to().stream().anyMatch(business::isOurs))
                .toList();
        SendRate rate = SendRate.of(mails.stream().map(CapturedMail::receivedAt).toList(), WINDOW);
        double overshoot = rate.overshootOver(SharedSystem.SEND_RATE);
        Map<String, Long> sentPerInstance = OutreachDb.sentPerInstance(system, business);

        Results.add(Results.LOST, tally.missing().size());
        Results.add(Results.DUPLICATES, tally.duplicateCopies());
        Results.set(
                Results.RATE_LIMIT_OVERSHOOT,
                String.format(
                        "%.1f%% (busiest %ss window %.1f/s, configured %d/s,"
                                + " whole run %.1f/s; sent per instance %s)",
                        overshoot * 100,
                        WINDOW.toSeconds(),
                        rate.busiestWindow(),
                        SharedSystem.SEND_RATE,
                        rate.average(),
                        sentPerInstance.values()));

        assertThat(tally.missing()).as("contacts never mailed — " + tally).isEmpty();
        assertThat(tally.duplicates()).as("contacts mailed twice — " + tally).isEmpty();
        assertThat(sentPerInstance)
                .as("both instances must have sent part of the campaign")
                .hasSize(2);
        assertThat(overshoot)
                .as(
                        "the busiest %ss window ran at %.1f/s against a configured %d/s",
                        WINDOW.toSeconds(), rate.busiestWindow(), SharedSystem.SEND_RATE)
                .isLessThanOrEqualTo(0.10);
    }
}
