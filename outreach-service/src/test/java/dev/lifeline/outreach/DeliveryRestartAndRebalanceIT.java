package dev.lifeline.outreach;

import dev.lifeline.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built in {@code package}; this runs in failsafe's
 * {@code integration-test} phase) as real OS processes against a real broker, database and SMTP catcher: a consumer
 * rebalance in the middle of a run never sends anyone a second copy; a kill -9 loses nobody, and can send a second copy
 * only of a delivery the killed process had claimed (after its claim lease).
 */
class DeliveryRestartAndRebalanceIT {

    /** Far below the default PT2M, so the test does not wait minutes; still far above a send to the local catcher. */
    private static final String CLAIM_LEASE = "PT10S";

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
    void aSecondInstanceJoiningTheGroupMidRunTakesOverPartitionsAndNobodyGetsTwoMails() throws Exception {
        // Slowed to 20 mails/s per instance so the run (60 s alone) is still going when the second instance joins, even
        // on a busy machine where starting it takes half a minute.
        Map<String, String> slow = Map.of("lifeline.limits.tenant-per-second", "20");
        ServiceProcess first = start("outreach-a", slow);
        String tenant = "t-reb-" + TestBus.uid();
        String key = outreach.tenant(first, tenant);
        int n = 1200;
        outreach.insertContacts(tenant, n);
        String campaign = outreach.campaign(first, key, "custom-reb-" + TestBus.uid());
        String runId = outreach.trigger(first, key, campaign);

        await().atMost(Duration.ofSeconds(60)).until(() -> outreach.count(runId, "sent") >= 40);
        assertThat(outreach.count(runId, "queued"))
                .as("the run is still in flight when the second instance starts")
                .isPositive();
        ServiceProcess second = start("outreach-b", slow);
        int queuedAtJoin = outreach.count(runId, "queued");

        await().atMost(Duration.ofSeconds(120))
                .until(() -> outreach.count(runId, "queued") == 0 && outreach.count(runId, "sending") == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outreach.mailsTo(tenant).size() >= n);

        System.out.printf(
                "rebalance mid-run: %d of %d still queued when the second instance was ready; it sent %.0f%n",
                queuedAtJoin, n, PackagedOutreach.sentBy(second));
        assertThat(queuedAtJoin)
                .as("deliveries still queued when the second instance was ready")
                .isPositive();
        assertThat(PackagedOutreach.sentBy(second))
                .as("mails sent by the instance that joined mid-run (it got partitions)")
                .isPositive();
        Map<String, Integer> perRecipient = outreach.perRecipient(tenant);
        Map<String, Integer> twice = new TreeMap<>();
        perRecipient.forEach((to, c) -> {
            if (c > 1) {
                twice.put(to, c);
            }
        });
        assertThat(twice).as("recipients that got more than one mail").isEmpty();
        assertThat(perRecipient).as("one mail to every consenting contact").hasSize(n);
        assertThat(outreach.count(runId, "sent")).isEqualTo(n);
    }

    @Test
    void aKillDashNineMidRunLosesNobodyAndDuplicatesOnlyDeliveriesThatWereInSendingAtTheKill() throws Exception {
        // A short claim lease, so that the restarted instance takes the killed one's claims back within seconds.
        Map<String, String> lease = Map.of("lifeline.delivery.claim-lease", CLAIM_LEASE);
        ServiceProcess first = start("outreach-k", lease);
        String tenant = "t-kill-" + TestBus.uid();
        String key = outreach.tenant(first, tenant);
        int n = 2000;
        outreach.insertContacts(tenant, n);
        String campaign = outreach.campaign(first, key, "custom-kill-" + TestBus.uid());
        String runId = outreach.trigger(first, key, campaign);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> outreach.count(runId, "sent") >= 200);
        first.kill();
        int queuedAtKill = outreach.count(runId, "queued");
        Set<String> sendingAtKill = outreach.contactsIn(runId, "sending");
        Map<String, Integer> mailsAtKill = outreach.perRecipient(tenant);
        long acceptedAtKill = sendingAtKill.stream()
                .filter(c -> mailsAtKill.containsKey(PackagedOutreach.address(c)))
                .count();
        assertThat(queuedAtKill)
                .as("deliveries still queued when the service was killed (mid-run)")
                .isPositive();

        ServiceProcess again = start("outreach-k2", lease);
        // Done when every delivery is sent: jobs whose offsets were not committed are consumed again, outbox records
        // not yet published are published again, and once the lease is over the sweeper queues the killed instance's
        // claims again with fresh jobs.
        await().atMost(Duration.ofSeconds(180)).until(() -> outreach.count(runId, "sent") == n);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outreach.perRecipient(tenant).size() >= n);

        // A claim of the killed process is sent again after the lease. If the kill fell between "SMTP accepted" and
        // "outcome committed" (outcomes are committed in batches), its contact had the mail already and gets a
        // second one: a duplicate inside the claim lease. Anywhere else a second mail is a bug.
        Map<String, String> states = outreach.states(runId);
        Map<String, Integer> perRecipient = outreach.perRecipient(tenant);
        List<String> lost = new ArrayList<>();
        Map<String, Integer> insideLease = new TreeMap<>();
        Map<String, Integer> elsewhere = new TreeMap<>();
        for (String contact : states.keySet()) {
            int mails = perRecipient.getOrDefault(PackagedOutreach.address(contact), 0);
            if (mails == 0) {
                lost.add(contact);
            } else if (mails > 1) {
                (sendingAtKill.contains(contact) ? insideLease : elsewhere).put(contact, mails);
            }
        }
        String report = String.format(
                "kill at queued=%d sending=%d (%d of those already had their mail); after restart "
                        + "and the %s claim lease: sent=%d, lost=%d, duplicates inside the claim lease=%d %s, duplicates "
                        + "elsewhere=%d %s",
                queuedAtKill,
                sendingAtKill.size(),
                acceptedAtKill,
                CLAIM_LEASE,
                outreach.count(runId, "sent"),
                lost.size(),
                insideLease.size(),
                insideLease.keySet(),
                elsewhere.size(),
                elsewhere.keySet());
        System.out.println("restart mid-run: " + report);
        assertThat(lost).as("contacts without a mail — " + report).isEmpty();
        assertThat(elsewhere)
                .as("second copies of deliveries that were not in sending at the kill — " + report)
                .isEmpty();
        assertThat(insideLease.values())
                .as("one claim at the kill, one after the lease: two mails at most — " + report)
                .allMatch(c -> c == 2);
        assertThat(states).as(report).hasSize(n);
        assertThat(states.values()).as("every delivery is sent — " + report).allMatch(s -> s.equals("sent"));
        assertThat(perRecipient)
                .as("mails only to the run's contacts — " + report)
                .hasSize(n);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private ServiceProcess start(String name, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>();
        // One delivery consumer per instance, so a second instance takes partitions away from the first.
        config.put("mp.messaging.incoming.deliveries-in.partitions", "1");
        // Small batches and few senders, so that a run of a few thousand is not all claimed by the first instance in
        // its first second: the joining or restarted instance must find batches still waiting on the topic.
        config.put("lifeline.delivery.batch-size", "10");
        config.put("smallrye.messaging.worker.outreach-senders.max-concurrency", "4");
        // A killed member leaves the group after 6 s instead of 45 s, so the restarted one gets its partitions soon.
        config.put("kafka.session.timeout.ms", "6000");
        config.put("kafka.heartbeat.interval.ms", "1000");
        config.putAll(extra);
        return outreach.start(name, config);
    }
}
