package dev.lifeline.outreach.run;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.tenant.DependenciesChanged;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign on {@code any} speaks for the platforms the business said it depends on (monitor-service's
 * {@code PUT /api/v1/tenant/dependencies}, carried on tenant-dependencies.v1), not for every platform that goes down.
 */
@QuarkusTest
class AnyPlatformCampaignTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void anAnyCampaignFiresOnlyForAPlatformItsBusinessDependsOnAndFollowsChangesToTheList() {
        Scenario dependent = new Scenario(stack, db);
        Scenario other = new Scenario(stack, db);
        String platform = dependent.platform;
        String dependentCampaign = anyCampaignWithContact(dependent);
        String otherCampaign = anyCampaignWithContact(other);
        dependsOn(dependent, List.of(platform, "instagram"));
        dependsOn(other, List.of("instagram"));

        TestBus.send(dependent.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o1-" + dependent.marker, platform));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(dependent.mailsTo("ada")).hasSize(1));
        // The same outage event scheduled every covering campaign in one transaction: the other business's had its
        // chance and was not one of them.
        assertThat(other.runs(otherCampaign)).isEmpty();
        assertThat(other.mails()).isEmpty();

        // The businesses swap: the first drops the platform, the second adds it.
        dependsOn(dependent, List.of("instagram"));
        dependsOn(other, List.of("instagram", platform));
        TestBus.send(dependent.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o2-" + dependent.marker, platform));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(other.mailsTo("ada")).hasSize(1));
        assertThat(dependent.runs(dependentCampaign)).hasSize(1);
        assertThat(dependent.mailsTo("ada")).hasSize(1);
    }

    @Test
    void aBusinessThatNamedNoDependenciesGetsNoAnyRuns() {
        Scenario none = new Scenario(stack, db);
        Scenario marker = new Scenario(stack, db);
        String noneCampaign = anyCampaignWithContact(none);
        Map<String, Object> exact = marker.emailCampaign("PT0S");
        exact.put("platformId", none.platform);
        marker.contacts(Map.of("ada", ConsentStatus.CONFIRMED));
        marker.createCampaign(exact);

        TestBus.send(none.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + none.marker, none.platform));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(marker.mailsTo("ada")).hasSize(1));
        assertThat(none.runs(noneCampaign)).isEmpty();
    }

    private static String anyCampaignWithContact(Scenario s) {
        s.contacts(Map.of("ada", ConsentStatus.CONFIRMED));
        Map<String, Object> any = s.emailCampaign("PT0S");
        any.put("platformId", "any");
        return s.createCampaign(any);
    }

    /** Publishes the list as monitor-service does and waits until outreach holds exactly it. */
    private void dependsOn(Scenario s, List<String> platforms) {
        TestBus.send(s.kafka, Topics.TENANT_DEPENDENCIES, new DependenciesChanged(s.tenant, platforms, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from tenant_dependency where tenant_id = ?", s.tenant)
                                == platforms.size()
                        && Db.count(
                                        db,
                                        "select count(*) from tenant_dependency where tenant_id = ? and platform_id = ?",
                                        s.tenant,
                                        platforms.get(platforms.size() - 1))
                                == 1);
    }
}
