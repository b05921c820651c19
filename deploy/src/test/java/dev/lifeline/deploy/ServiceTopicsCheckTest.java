package dev.lifeline.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeline.deploy.support.KafkaChecks;
import dev.lifeline.deploy.support.Rendered;
import dev.lifeline.deploy.support.ScalingChecks;
import dev.lifeline.deploy.support.ServiceProperties;
import dev.lifeline.deploy.support.ServiceProperties.TopicUse;
import dev.lifeline.deploy.support.ServiceProperties.Use;
import dev.lifeline.deploy.support.SettingsChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The topic, ACL and settings checks read the services' application.properties. Here they read
 * fixture copies (src/test/resources/fixtures/NAME/&lt;service&gt;/src/main/resources/application.properties)
 * laid out like the real project, to show what they accept and what they reject.
 */
class ServiceTopicsCheckTest {

    static List<ServiceProperties> fixture(String name) {
        try {
            Path root = Path.of(Objects.requireNonNull(ServiceTopicsCheckTest.class.getResource("/fixtures/" + name))
                    .toURI());
            List<ServiceProperties> services = ServiceProperties.loadAll(root);
            assertThat(services).as("fixture %s", name).isNotEmpty();
            return services;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ServiceProperties service(List<ServiceProperties> services, String name) {
        return services.stream()
                .filter(s -> s.service().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readsTopicsFromChannelsDeadLetterQueuesAndTopicKeys() {
        List<ServiceProperties> services = fixture("complete");
        assertThat(services)
                .extracting(ServiceProperties::service)
                .containsExactly("contact-service", "monitor-service", "outreach-service");
        assertThat(service(services, "contact-service").topics())
                .extracting(TopicUse::key, TopicUse::topic, TopicUse::use)
                .containsExactlyInAnyOrder(
                        tuple("mp.messaging.outgoing.outbox.topic", "contacts.v1", Use.WRITE),
                        tuple("lifeline.outbox.topics", "contacts.v1", Use.UNKNOWN),
                        tuple("lifeline.outbox.topics", "tenants.v1", Use.UNKNOWN),
                        tuple("mp.messaging.incoming.withdrawals-in.topic", "consent-withdrawals.v1", Use.READ),
                        tuple(
                                "mp.messaging.incoming.withdrawals-in.dead-letter-queue.topic",
                                "consent-withdrawals.v1.dlq",
                                Use.WRITE));
    }

    @Test
    void channelNameIsTheTopicWhenNoneIsSet() {
        assertThat(service(fixture("complete"), "monitor-service").topics())
                .extracting(TopicUse::topic, TopicUse::use)
                .containsExactlyInAnyOrder(
                        tuple("platform-outages.v1", Use.WRITE),
                        tuple("tenants.v1", Use.READ),
                        tuple("tenants.v1.dlq", Use.WRITE));
    }

    @Test
    void prodProfileAndExpressionsApplyDevAndTestProfilesDoNot() {
        ServiceProperties outreach = service(fixture("complete"), "outreach-service");
        assertThat(outreach.topics())
                .extracting(TopicUse::topic)
                .contains("platform-outages.v1", "platform-outages.v1.dlq", "outreach-deliveries.v1")
                .doesNotContain("local-deliveries");
        assertThat(service(fixture("complete"), "contact-service").topics())
                .extracting(TopicUse::topic)
                .doesNotContain("local-only-topic", "test-only-topic");
        assertThat(outreach.consumerGroups()).containsExactly("outreach-service");
        assertThat(outreach.requiredFromEnvironment())
                .containsEntry("lifeline.link-signing-key", "LIFELINE_LINK_SIGNING_KEY");
    }

    @Test
    void theProdProfilesManagementPortIsTheOneTheClusterSees() {
        List<ServiceProperties> services = fixture("complete");
        // quarkus.management.port=9081 for the local run, %prod.quarkus.management.port=9000
        assertThat(service(services, "contact-service").get("quarkus.management.port"))
                .contains("9000");
        assertThat(service(services, "monitor-service").get("quarkus.management.port"))
                .isEmpty();
        assertThat(services)
                .allSatisfy(s -> assertThat(s.get("quarkus.management.enabled")).contains("true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void completeFixturePassesTheTopicAclAndSettingsChecks(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<ServiceProperties> services = fixture("complete");
        assertThat(KafkaChecks.topicsUsedExist(r, services)).isEmpty();
        assertThat(KafkaChecks.kafkaAclsCoverServices(r, services)).isEmpty();
        assertThat(SettingsChecks.requiredSettings(r, services)).isEmpty();
        assertThat(SettingsChecks.runtimeSettings(r, services)).isEmpty();
        assertThat(SettingsChecks.images(r, services, Rendered.projectVersion()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicMissingFromTheManifestsFailsTheCheck(String overlay) {
        List<ServiceProperties> services = fixture("missing-topics");
        List<String> violations = KafkaChecks.topicsUsedExist(Rendered.overlay(overlay), services);
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0) + violations.get(1))
                .contains("mp.messaging.outgoing.audit-out.topic = outreach-audit.v1")
                .contains("no KafkaTopic 'outreach-audit.v1' in overlay " + overlay)
                .contains("failure-strategy (SmallRye's default DLQ name) = dead-letter-topic-contacts.v1")
                .contains("missing-topics/outreach-service/src/main/resources/application.properties");
    }

    @Test
    void hpaBeyondPartitionsPerConsumersPerPodFailsTheCheck() {
        List<ServiceProperties> services = fixture("complete");
        assertThat(service(services, "outreach-service").consumersPerPod("outreach-deliveries.v1"))
                .isEqualTo(3);
        Rendered prod = Rendered.overlay("prod").copy();
        assertThat(ScalingChecks.hpaWithinPartitions(prod, services)).isEmpty();
        ((ObjectNode) prod.get("HorizontalPodAutoscaler", "outreach-service").get("spec")).put("maxReplicas", 5);
        assertThat(ScalingChecks.hpaWithinPartitions(prod, services))
                .containsExactly(
                        "HorizontalPodAutoscaler/outreach-service: maxReplicas 5 x 3 consumer(s) per pod > 12 partitions of "
                                + "outreach-deliveries.v1; consumers beyond the partition count sit idle");
    }

    @Test
    void prodAclsMissingWhatAServiceUsesFailTheCheck() {
        List<ServiceProperties> services = fixture("acl-gap");
        assertThat(KafkaChecks.topicsUsedExist(Rendered.overlay("prod"), services))
                .isEmpty();
        assertThat(KafkaChecks.kafkaAclsCoverServices(Rendered.overlay("prod"), services))
                .containsExactlyInAnyOrder(
                        "monitor-service: mp.messaging.incoming.contacts-in.topic = contacts.v1: KafkaUser monitor-service may not read topic contacts.v1",
                        "monitor-service: KafkaUser monitor-service may not use consumer group shared-readers");
        // dev runs Kafka without authorization: nothing to cover there
        assertThat(KafkaChecks.kafkaAclsCoverServices(Rendered.overlay("dev"), services))
                .isEmpty();
    }

    @Test
    void settingWithoutDefaultThatNoManifestProvidesFailsTheCheck() {
        List<ServiceProperties> services = fixture("needs-setting");
        Rendered prod = Rendered.overlay("prod");
        assertThat(SettingsChecks.requiredSettings(prod, services))
                .containsExactly(
                        "monitor-service: quarkus.mailer.host=localhost points at localhost in the cluster; "
                                + "Deployment/monitor-service must set QUARKUS_MAILER_HOST",
                        "monitor-service: lifeline.monitor.statuspage-token needs ${LIFELINE_STATUSPAGE_TOKEN}, which "
                                + "Deployment/monitor-service does not set (set LIFELINE_STATUSPAGE_TOKEN or LIFELINE_MONITOR_STATUSPAGE_TOKEN)");
        assertThat(SettingsChecks.runtimeSettings(prod, services))
                .containsExactly(
                        "monitor-service: the management interface is off (quarkus.management.enabled is not true in "
                                + "application.properties): health and metrics would answer on the API port 8080, where the "
                                + "manifests neither probe nor scrape them and the Ingress routes");
    }
}
