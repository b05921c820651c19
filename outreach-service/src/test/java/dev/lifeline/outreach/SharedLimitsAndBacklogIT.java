package dev.lifeline.outreach;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service as OS processes (failsafe, after {@code package}): a tenant's send rate holds across two
 * instances, not per instance; and a backlog that takes far longer than SmallRye's unprocessed-record max age never
 * takes the service out of liveness or readiness.
 */
class SharedLimitsAndBacklogIT {

    private static PackagedOutreach outreach;

    @BeforeAll
    static void startStack() {
        outreach = new PackagedOutreach();
    }

    @AfterAll
    static void stopStack() {
        if (outreach != null) {
            outreach.close();
        }
    }

    @AfterEach
    void stopProcesses() {
        outreach.stopProcesses();
    }

    @Test
    void twoInstancesTogetherKeepTheTenantsConfiguredRateAndNobodyGetsTwoMails() throws Exception {
        // Far below what two instances send on a busy 2-core machine, so the limit, not the machine, sets the pace.
        int rate = 10;
        int n = 500;
        Map<String, String> config = Map.of(
                "lifeline.limits.tenant-per-second",
                Integer.toString(rate),
                // One delivery consumer each, so both instances own partitions of the topic.
                "mp.messaging.incoming.deliveries-in.partitions",
                "1");
        ServiceProcess a = outreach.start("outreach-rate-a", config);
        ServiceProcess b = outreach.start("outreach-rate-b", config);
        String tenant = "t-rate-" + TestBus.uid();
        String key = outreach.tenant(a, tenant);
        outreach.insertContacts(tenant, n);
        String campaign = outreach.campaign(a, key, "custom-rate-" + TestBus.uid());
        String runId = outreach.trigger(a, key, campaign);

        await().atMost(Duration.ofSeconds(180)).until(() -> outreach.count(runId, "sent") == n);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outreach.mailsTo(tenant).size() >= n);

        List<CapturedMail> mails = outreach.mailsTo(tenant);
        Map<String, Integer> perRecipient = new HashMap<>();
        mails.forEach(m -> m.to().forEach(to -> perRecipient.merge(to, 1, Integer::sum)));
        assertThat(perRecipient).as("one mail to every contact").hasSize(n);
        assertThat(perRecipient.values()).as("nobody twice").allMatch(c -> c == 1);
        assertThat(PackagedOutreach.sentBy(a)).as("mails sent by instance a").isPositive();
        assertThat(PackagedOutreach.sentBy(b)).as("mails sent by instance b").isPositive();

        // Accepts per whole second of the SMTP server's clock, leaving out the partial first and last seconds.
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        mails.forEach(m -> perSecond.merge(m.receivedAt().getEpochSecond(), 1, Integer::sum));
        List<Integer> whole = new ArrayList<>(perSecond
                .subMap(perSecond.firstKey(), false, perSecond.lastKey(), false)
                .values());
        double measured = whole.stream().mapToInt(Integer::intValue).sum() / (double) whole.size();
        System.out.printf(
                "two instances, tenant rate %d/s: %.1f mails/s over %d whole seconds (a %.0f, b %.0f); per second %s%n",
                rate, measured, whole.size(), PackagedOutreach.sentBy(a), PackagedOutreach.sentBy(b), whole);
        assertThat(whole.size()).as("whole seconds measured").isGreaterThanOrEqualTo(20);
        assertThat(measured / rate)
                .as("measured rate / configured rate, both instances together")
                .isBetween(0.9, 1.1);
    }

    @Test
    void aBacklogFarLongerThanTheUnprocessedRecordMaxAgeKeepsTheServiceLiveAndReadyAndEveryoneIsMailed()
            throws Exception {
        int rate = 40;
        int n = 800;
        // Every Kafka consumer gives up on a record unacknowledged for 2 s (default 60 s); the campaign takes ~20 s.
        ServiceProcess service = outreach.start(
                "outreach-backlog",
                Map.of(
                        "lifeline.limits.tenant-per-second",
                        Integer.toString(rate),
                        "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms",
                        "2000"));
        String tenant = "t-backlog-" + TestBus.uid();
        String key = outreach.tenant(service, tenant);
        outreach.insertContacts(tenant, n);
        String campaign = outreach.campaign(service, key, "custom-backlog-" + TestBus.uid());
        String runId = outreach.trigger(service, key, campaign);

        List<String> notUp = new ArrayList<>();
        int polls = 0;
        long started = System.nanoTime();
        while (outreach.count(runId, "sent") < n) {
            assertThat(System.nanoTime() - started)
                    .as("campaign still running after 180 s")
                    .isLessThan(180_000_000_000L);
            for (String check : List.of("live", "ready")) {
                int status = PackagedOutreach.health(service, check);
                polls++;
                if (status != 200) {
                    notUp.add(String.format("%s %d after %.1f s", check, status, (System.nanoTime() - started) / 1e9));
                }
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "backlog: %d mails at %d/s took %.1f s; %d health polls, not UP: %s%n", n, rate, seconds, polls, notUp);
        assertThat(seconds)
                .as("the backlog lasted far longer than the 2 s max age")
                .isGreaterThan(10);
        assertThat(notUp)
                .as("health answers other than 200 while the backlog drained")
                .isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outreach.mailsTo(tenant).size() >= n);
        Map<String, Integer> perRecipient = new HashMap<>();
        outreach.mailsTo(tenant).forEach(m -> m.to().forEach(to -> perRecipient.merge(to, 1, Integer::sum)));
        assertThat(perRecipient).as("one mail to every contact").hasSize(n);
        assertThat(perRecipient.values()).as("nobody twice").allMatch(c -> c == 1);
    }
}
