package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live outage campaign to a few thousand contacts, and in the middle of it the broker, the database or a sender
 * dies. Afterwards every contact has exactly one mail, no record went to a dead-letter topic, and every service is
 * ready again with nobody touching it.
 */
@Order(1)
class CampaignFaultsTest {

    private static final int AUDIENCE = 2_000;
    /** Mails already out when the fault strikes: clearly mid-run (the campaign sends {@link SharedSystem#SEND_RATE}/s). */
    private static final int STRIKE_AFTER = 300;

    private static final Duration OUTAGE_LENGTH = Duration.ofSeconds(10);
    /**
     * Longer than the Kafka connector's 60 s unprocessed-record check and than the claim lease: consumers must wait
     * it out holding their records, not dead-letter them, and nothing may restart a service that is only waiting.
     */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(90);

    private static RunningSystem system;
    /** The drill's business, for faults that look into its deliveries. */
    private static Business current;
    /** What the fault itself saw, for the drill's line in the results. */
    private static String observed;
    /** Liveness answers other than UP while the fault lasted, where the fault watches them. */
    private static List<String> notLive;

    /** What a fault did, told by the fault itself: deliveries a killed sender had claimed and not finished. */
    private interface Fault {
        Set<String> strike();
    }

    @BeforeAll
    static void system() {
        system = SharedSystem.get();
    }

    @Test
    @Order(1)
    void theBrokerStopsMidCampaignAndComesBack() {
        drill("kafka-stop", "facebook", () -> {
            system.stack.kafka().stop();
            Business.sleep(OUTAGE_LENGTH);
            system.stack.kafka().restart();
            return Set.of();
        });
    }

    @Test
    @Order(2)
    void theDatabaseStopsMidCampaignAndComesBack() {
        drill("postgres-stop", "whatsapp", () -> {
            try (Liveness liveness = Liveness.watch(system)) {
                system.stack.postgres().stop();
                Business.sleep(DATABASE_OUTAGE);
                system.stack.postgres().restart();
                liveness.close();
                notLive = liveness.notLive();
                observed = String.format(
                        "PostgreSQL stopped for %d s, liveness checks not UP meanwhile: %d of %d",
                        DATABASE_OUTAGE.toSeconds(), notLive.size(), liveness.checks());
            }
            return Set.of();
        });
    }

    @Test
    @Order(3)
    void outreachIsKilledMidRunAndStartedAgain() {
        drill("outreach-kill-9", "tiktok", () -> {
            system.kill(RunningSystem.OUTREACH);
            Set<String> claimed = OutreachDb.inFlight(system, current);
            system.restart(RunningSystem.OUTREACH);
            return claimed;
        });
    }

    @Test
    @Order(4)
    void oneOfTwoOutreachInstancesIsKilledMidRun() {
        String second = RunningSystem.OUTREACH + "-2";
        system.addInstance(RunningSystem.OUTREACH, second);
        drill("outreach-instance-kill-9", "youtube", () -> {
            system.kill(second);
            // What the killed instance had claimed cannot be told apart from the survivor's in-flight rows: all of
            // them count as "inside a claim lease".
            Set<String> claimed = OutreachDb.inFlight(system, current);
            // Gone for good, as a node that died: the survivor takes its partitions and, after the lease, its claims.
            system.remove(second);
            return claimed;
        });
    }

    private void drill(String name, String platform, Fault fault) {
        observed = null;
        notLive = List.of();
        current = Business.signUp(
                system, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        Business business = current;
        business.importContacts(AUDIENCE);
        String campaign = business.emailCampaign(platform);
        business.awaitOutreachAudience(campaign, AUDIENCE, Duration.ofMinutes(3));

        Business.declareOutage(system, platform);
        awaitMails(business, STRIKE_AFTER, Duration.ofMinutes(3));
        int mailedBefore = Inbox.perRecipient(system, business).size();
        Map<String, Long> deadLettersBefore = DeadLetters.counts(system);
        Set<String> inFlight = fault.strike();

        system.awaitAllReady();
        Inbox.Tally tally = Inbox.await(system, business, business.emails(AUDIENCE), Duration.ofMinutes(5));
        // A fault is never a record's fault: whatever a consumer held when it struck is processed, not dead-lettered.
        Map<String, Long> deadLettered = DeadLetters.since(deadLettersBefore, DeadLetters.counts(system));
        long deadLetters =
                deadLettered.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> insideLease = new TreeMap<>();
        Map<String, Integer> elsewhere = new TreeMap<>();
        tally.duplicates()
                .forEach(
                        (address, count) -> (inFlight.contains(address) ? insideLease : elsewhere).put(address, count));

        long copiesInsideLease =
                insideLease.values().stream().mapToLong(count -> count - 1).sum();
        long copiesElsewhere =
                elsewhere.values().stream().mapToLong(count -> count - 1).sum();
        Results.add(Results.LOST, tally.missing().size());
        Results.add(Results.DUPLICATES, copiesElsewhere);
        Results.add(Results.DUPLICATES_INSIDE_CLAIM_LEASE, copiesInsideLease);
        Results.add(Results.DEAD_LETTERED_IN_FAULTS, deadLetters);
        boolean survived = tally.missing().isEmpty() && elsewhere.isEmpty() && deadLetters == 0 && notLive.isEmpty();
        if (survived) {
            Results.add(Results.FAULTS_SURVIVED, 1);
        }
        Results.set(
                "fault " + name,
                String.format(
                        "%s%d contacts, %d mailed before the fault, %d in flight at it; "
                                + "dead-lettered during it: %d; after: %s",
                        observed == null ? "" : observed + "; ",
                        AUDIENCE,
                        mailedBefore,
                        inFlight.size(),
                        deadLetters,
                        tally));

        assertThat(tally.missing())
                .as(name + ": contacts who never got the campaign — " + tally)
                .isEmpty();
        assertThat(elsewhere)
                .as(name + ": second copies outside what was in flight at the fault — " + tally)
                .isEmpty();
        assertThat(deadLettered)
                .as(name + ": records dead-lettered during the fault, per dead-letter topic")
                .isEmpty();
        assertThat(notLive)
                .as(name + ": liveness answers other than UP while the fault lasted")
                .isEmpty();
    }

    private static void awaitMails(Business business, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Inbox.perRecipient(system, business).size() < count) {
            assertThat(Instant.now())
                    .as("the campaign did not get going: fewer than " + count + " mails")
                    .isBefore(deadline);
            Business.sleep(Duration.ofMillis(100));
        }
    }
}
