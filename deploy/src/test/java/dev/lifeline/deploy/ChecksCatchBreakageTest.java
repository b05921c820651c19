package dev.lifeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lifeline.deploy.support.DatabaseChecks;
import dev.lifeline.deploy.support.IngressChecks;
import dev.lifeline.deploy.support.Json;
import dev.lifeline.deploy.support.KafkaChecks;
import dev.lifeline.deploy.support.PodChecks;
import dev.lifeline.deploy.support.Rendered;
import dev.lifeline.deploy.support.ScalingChecks;
import dev.lifeline.deploy.support.SchemaValidator;
import dev.lifeline.deploy.support.SecretChecks;
import dev.lifeline.deploy.support.ServiceProperties;
import dev.lifeline.deploy.support.SettingsChecks;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each test breaks one thing in a freshly rendered overlay and shows that the matching check reports it
 * (and that it did not before). The services' real application.properties play no part here.
 */
class ChecksCatchBreakageTest {

    private static Rendered dev() {
        return Rendered.overlay("dev").copy();
    }

    private static Rendered prod() {
        return Rendered.overlay("prod").copy();
    }

    private static ObjectNode container(Rendered r, String deployment) {
        return (ObjectNode) r.get("Deployment", deployment).at("/spec/template/spec/containers/0");
    }

    private static ObjectNode obj(JsonNode n) {
        return (ObjectNode) n;
    }

    /** Asserts the check passes on r, applies the breakage, and returns the violations it then reports. */
    private static List<String> breakAndCheck(Rendered r, Function<Rendered, List<String>> check, Runnable breakage) {
        assertThat(check.apply(r)).as("before the breakage").isEmpty();
        breakage.run();
        return check.apply(r);
    }

    private static List<String> schemaErrors(Rendered r, ObjectNode o) {
        return SchemaValidator.validate(o);
    }

    /** contact-service's settings as the prod profile sees them, with the management interface as the services have it. */
    private static Map<String, String> contactSettings() {
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.application.name", "contact-service");
        props.put("quarkus.http.port", "8080");
        props.put("quarkus.management.enabled", "true");
        props.put("quarkus.management.port", "9000");
        return props;
    }

    private static List<String> runtimeSettings(Rendered r, Map<String, String> props) {
        return SettingsChecks.runtimeSettings(
                r,
                List.of(new ServiceProperties(
                        "contact-service",
                        Path.of("contact-service/src/main/resources/application.properties"),
                        Map.copyOf(props))));
    }

    private static void removeEnv(Rendered r, String configMap, String name) {
        obj(r.get("ConfigMap", configMap).get("data")).remove(name);
    }

    // ------------------------------------------------------------------ Deployments

    @Test
    void deploymentWithoutReadinessProbeFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        PodChecks::deploymentsHardened,
                        () -> container(r, "contact-service").remove("readinessProbe")))
                .containsExactly("Deployment/contact-service container contact-service: no readinessProbe");
    }

    @Test
    void deploymentWithoutStartupOrLivenessProbeFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(r, PodChecks::deploymentsHardened, () -> {
                    container(r, "mailpit").remove("startupProbe");
                    container(r, "outreach-service").remove("livenessProbe");
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/mailpit container mailpit: no startupProbe",
                        "Deployment/outreach-service container outreach-service: no livenessProbe");
    }

    @Test
    void deploymentWithoutMemoryLimitFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        PodChecks::deploymentsHardened,
                        () -> obj(container(r, "monitor-service").at("/resources/limits"))
                                .remove("memory")))
                .containsExactly("Deployment/monitor-service container monitor-service: no memory limit");
    }

    @Test
    void requestAboveLimitFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        PodChecks::deploymentsHardened,
                        () -> obj(container(r, "monitor-service").at("/resources/requests"))
                                .put("cpu", "2")))
                .singleElement()
                .asString()
                .contains("cpu request 2 exceeds its limit 1");
    }

    @Test
    void rootContainerFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(r, PodChecks::deploymentsHardened, () -> {
                    obj(container(r, "contact-service").get("securityContext")).put("runAsNonRoot", false);
                    obj(r.get("Deployment", "contact-service").at("/spec/template/spec/securityContext"))
                            .put("runAsUser", 0);
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/contact-service container contact-service: runAsNonRoot is not true",
                        "Deployment/contact-service container contact-service: runs as uid 0");
    }

    @Test
    void writableRootFilesystemEscalationAndCapabilitiesFail() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, PodChecks::deploymentsHardened, () -> {
                    ObjectNode sc = obj(container(r, "outreach-service").get("securityContext"));
                    sc.put("readOnlyRootFilesystem", false);
                    sc.remove("allowPrivilegeEscalation");
                    sc.remove("capabilities");
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/outreach-service container outreach-service: readOnlyRootFilesystem is not true",
                        "Deployment/outreach-service container outreach-service: allowPrivilegeEscalation is not false",
                        "Deployment/outreach-service container outreach-service: capabilities do not drop ALL");
    }

    @Test
    void probeOffSmallRyeHealthAndUnscrapedMetricsFail() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, PodChecks::serviceHealthAndMetrics, () -> {
                    obj(container(r, "contact-service").at("/livenessProbe/httpGet"))
                            .put("path", "/health");
                    obj(r.get("Deployment", "monitor-service").at("/spec/template/metadata"))
                            .remove("annotations");
                    r.objects().removeIf(o -> "ServiceMonitor".equals(Json.text(o, "kind")));
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/contact-service: liveness probe is /health, expected /q/health/live",
                        "Deployment/monitor-service: metrics are not scraped on the management port (no prometheus.io "
                                + "annotations for /q/metrics on 9000 and no ServiceMonitor endpoint on port management)");
    }

    @Test
    void probeMovedBackToTheHttpPortFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, PodChecks::serviceHealthAndMetrics, () -> {
                    obj(container(r, "contact-service").at("/readinessProbe/httpGet"))
                            .put("port", "http");
                    obj(container(r, "outreach-service").at("/startupProbe/httpGet"))
                            .put("port", 8080);
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/contact-service: readiness probe port http is not the management port (health answers only on 9000)",
                        "Deployment/outreach-service: startup probe port 8080 is not the management port (health answers only on 9000)");
    }

    @Test
    void probeOnThePortNumberRatherThanItsNamePasses() {
        Rendered r = dev();
        obj(container(r, "monitor-service").at("/livenessProbe/httpGet")).put("port", 9000);
        assertThat(PodChecks.serviceHealthAndMetrics(r)).isEmpty();
    }

    @Test
    void containerWithoutItsManagementPortFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        PodChecks::serviceHealthAndMetrics,
                        () -> ((ArrayNode) container(r, "monitor-service").get("ports")).remove(1)))
                .containsExactly("Deployment/monitor-service: container port 'management' is null, "
                        + "Quarkus serves health and metrics on 9000");
    }

    @Test
    void scrapingTheHttpPortFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, PodChecks::serviceHealthAndMetrics, () -> {
                    obj(r.get("Deployment", "monitor-service").at("/spec/template/metadata/annotations"))
                            .put("prometheus.io/port", "8080");
                    obj(r.get("ServiceMonitor", "lifeline-services").at("/spec/endpoints/0"))
                            .put("port", "http");
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/monitor-service: prometheus.io/port is 8080, metrics answer only on the management port 9000",
                        "ServiceMonitor/lifeline-services: scrapes Service/console-service on port http, metrics answer only on its management port",
                        "ServiceMonitor/lifeline-services: scrapes Service/contact-service on port http, metrics answer only on its management port",
                        "ServiceMonitor/lifeline-services: scrapes Service/monitor-service on port http, metrics answer only on its management port",
                        "ServiceMonitor/lifeline-services: scrapes Service/outreach-service on port http, metrics answer only on its management port",
                        "Deployment/monitor-service: metrics are not scraped on the management port (no prometheus.io "
                                + "annotations for /q/metrics on 9000 and no ServiceMonitor endpoint on port management)");
    }

    @Test
    void serviceMonitorOnAServiceWithoutAManagementPortFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        PodChecks::serviceHealthAndMetrics,
                        () -> ((ArrayNode) r.get("Service", "outreach-service").at("/spec/ports")).remove(1)))
                .containsExactly("Service/outreach-service: no port 'management' (targetPort management or 9000) "
                        + "for ServiceMonitor/lifeline-services to scrape");
    }

    @Test
    void managementPortOpenToTheIngressControllerOrToEveryoneFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, PodChecks::managementPortPrivate, () -> {
                    ArrayNode contactIngress = (ArrayNode)
                            r.get("NetworkPolicy", "contact-service").at("/spec/ingress");
                    ((ArrayNode) contactIngress.get(0).get("ports"))
                            .addObject()
                            .put("port", "management")
                            .put("protocol", "TCP");
                    ObjectNode outreachFromContact =
                            obj(r.get("NetworkPolicy", "outreach-service").at("/spec/ingress/2"));
                    outreachFromContact.remove("ports");
                    obj(r.get("NetworkPolicy", "monitor-service").at("/spec/ingress/1"))
                            .remove("from");
                }))
                .containsExactlyInAnyOrder(
                        "NetworkPolicy/contact-service: lets {\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":"
                                + "\"ingress-nginx\"}}} reach the management port of contact-service (health, metrics); only namespace monitoring may",
                        "NetworkPolicy/outreach-service: lets {\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":"
                                + "\"contact-service\"}}} reach the management port of outreach-service (health, metrics); only namespace monitoring may",
                        "NetworkPolicy/monitor-service: lets anyone reach the management port of monitor-service (health, metrics)",
                        "Deployment/monitor-service: no NetworkPolicy lets Prometheus (namespace monitoring) reach its management port");
    }

    @Test
    void prometheusShutOutOfTheManagementPortFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        PodChecks::managementPortPrivate,
                        () -> obj(r.get("NetworkPolicy", "outreach-service").at("/spec/ingress/1/ports/0"))
                                .put("port", "http")))
                .containsExactly("Deployment/outreach-service: no NetworkPolicy lets Prometheus (namespace monitoring) "
                        + "reach its management port");
    }

    @Test
    void serviceWithoutServiceOrNetworkPolicyFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(r, PodChecks::servicesWired, () -> {
                    r.objects()
                            .removeIf(o -> Rendered.id(o).equals("Service/outreach-service")
                                    || Rendered.id(o).equals("NetworkPolicy/default-deny-ingress")
                                    || Rendered.id(o).equals("NetworkPolicy/mailpit"));
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/outreach-service: no Service selects its pods",
                        "Deployment/mailpit: no NetworkPolicy restricts its ingress");
    }

    // ------------------------------------------------------------------ runtime settings (management interface)

    @Test
    void managementInterfaceDisabledInThePropertiesFails() {
        Rendered r = prod();
        Map<String, String> props = contactSettings();
        assertThat(runtimeSettings(r, props)).isEmpty();
        props.put("quarkus.management.enabled", "false");
        assertThat(runtimeSettings(r, props))
                .containsExactly(
                        "contact-service: the management interface is off "
                                + "(quarkus.management.enabled is not true in application.properties): health and metrics would answer "
                                + "on the API port 8080, where the manifests neither probe nor scrape them and the Ingress routes");
        props.remove("quarkus.management.enabled");
        assertThat(runtimeSettings(r, props)).singleElement().asString().contains("the management interface is off");
    }

    @Test
    void managementInterfaceEnabledOnlyInTheManifestFails() {
        Rendered r = dev();
        Map<String, String> props = contactSettings();
        props.remove("quarkus.management.enabled");
        obj(r.get("ConfigMap", "contact-service-config").get("data")).put("QUARKUS_MANAGEMENT_ENABLED", "true");
        assertThat(runtimeSettings(r, props))
                .containsExactlyInAnyOrder(
                        "contact-service: the management interface is off (quarkus.management.enabled is not true in "
                                + "application.properties): health and metrics would answer on the API port 8080, where the "
                                + "manifests neither probe nor scrape them and the Ingress routes",
                        "contact-service: QUARKUS_MANAGEMENT_ENABLED in the manifests changes nothing; "
                                + "quarkus.management.enabled is fixed at build time (application.properties)");
    }

    @Test
    void managementPortOtherThan9000Fails() {
        Rendered r = prod();
        Map<String, String> props = contactSettings();
        // the manifests pin QUARKUS_MANAGEMENT_PORT; without it, application.properties' prod value decides
        removeEnv(r, "contact-service-config", "QUARKUS_MANAGEMENT_PORT");
        assertThat(runtimeSettings(r, props)).isEmpty();
        props.put("quarkus.management.port", "9081");
        assertThat(runtimeSettings(r, props))
                .containsExactly("contact-service: serves health and metrics on 9081 "
                        + "(quarkus.management.port, %prod.quarkus.management.port / QUARKUS_MANAGEMENT_PORT) but the manifests "
                        + "probe and scrape 9000");
        props.remove("quarkus.management.port");
        assertThat(runtimeSettings(r, props)).as("Quarkus' default is 9000").isEmpty();
        obj(r.get("ConfigMap", "contact-service-config").get("data")).put("QUARKUS_MANAGEMENT_PORT", "9100");
        assertThat(runtimeSettings(r, props)).singleElement().asString().contains("serves health and metrics on 9100");
    }

    @Test
    void managementRootPathOtherThanQFails() {
        Rendered r = prod();
        Map<String, String> props = contactSettings();
        props.put("quarkus.management.root-path", "/ops");
        assertThat(runtimeSettings(r, props))
                .containsExactly(
                        "contact-service: quarkus.management.root-path=/ops but the manifests use /q/health and /q/metrics");
    }

    // ------------------------------------------------------------------ Secrets

    @Test
    void secretReferencedButNotTemplatedFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, SecretChecks::secretsReferencedExist, () -> {
                    r.secretTemplates().removeIf(o -> "outreach-sms".equals(Json.text(o, "metadata", "name")));
                }))
                .hasSize(6)
                .allSatisfy(v -> assertThat(v).contains("uses Secret outreach-sms, which is neither in the overlay"));
    }

    @Test
    void secretKeyMissingFromTemplateFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, SecretChecks::secretsReferencedExist, () -> {
                    ObjectNode s = r.secretTemplates().stream()
                            .filter(o -> "contact-service-secrets".equals(Json.text(o, "metadata", "name")))
                            .findFirst()
                            .orElseThrow();
                    obj(s.get("stringData")).remove("admin-key");
                }))
                // the console reads contact-service's operator key from the same Secret (it creates tenants with it)
                .containsExactlyInAnyOrder(
                        "Deployment/contact-service env LIFELINE_ADMIN_KEY uses key 'admin-key' of Secret "
                                + "contact-service-secrets, which has only [link-secret]",
                        "Deployment/console-service env LIFELINE_ADMIN_KEY uses key 'admin-key' of Secret "
                                + "contact-service-secrets, which has only [link-secret]");
    }

    @Test
    void databaseSecretOfAnotherNameFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        SecretChecks::secretsReferencedExist,
                        () -> obj(container(r, "monitor-service").at("/env/0/valueFrom/secretKeyRef"))
                                .put("name", "monitor-database")))
                .singleElement()
                .asString()
                .contains("uses Secret monitor-database");
    }

    @Test
    void realValueInSecretTemplateOrBase64DataFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, SecretChecks::secretsHoldNoRealValues, () -> {
                    ObjectNode smtp = r.secretTemplates().stream()
                            .filter(o -> "lifeline-smtp".equals(Json.text(o, "metadata", "name")))
                            .findFirst()
                            .orElseThrow();
                    obj(smtp.get("stringData")).put("password", "hunter2");
                    smtp.putObject("data").put("extra", "aHVudGVyMg==");
                }))
                .containsExactlyInAnyOrder(
                        "Secret/lifeline-smtp: uses base64 'data'; committed Secrets use readable 'stringData'",
                        "Secret/lifeline-smtp key password: a template value must be REPLACE_ME");
    }

    @Test
    void prodOverlayShippingASecretFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, SecretChecks::secretsHoldNoRealValues, () -> {
                    ObjectNode s = r.secretTemplates().get(0).deepCopy();
                    r.objects().add(s);
                }))
                .anySatisfy(v -> assertThat(v).contains("must not overwrite them"));
    }

    @Test
    void devSecretThatLooksRealFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        SecretChecks::secretsHoldNoRealValues,
                        () -> obj(r.get("Secret", "outreach-sms").get("stringData"))
                                .put("auth-token", "0f1e2d3c4b5a")))
                .containsExactly("Secret/outreach-sms key auth-token: a committed value must be empty or start with "
                        + "'dev-only-' (plain, or once base64-decoded)");
    }

    @Test
    void devBase64KeyThatDoesNotDecodeToADevValueFails() {
        Rendered r = dev();
        // the committed key is base64 of "dev-only-console-key-encryption!" (the console needs 32 bytes, base64)
        assertThat(r.get("Secret", "console-service-secrets")
                        .at("/stringData/key-encryption-key")
                        .asText())
                .isEqualTo(Base64.getEncoder()
                        .encodeToString("dev-only-console-key-encryption!".getBytes(StandardCharsets.US_ASCII)));
        assertThat(breakAndCheck(
                        r,
                        SecretChecks::secretsHoldNoRealValues,
                        () -> obj(r.get("Secret", "console-service-secrets").get("stringData"))
                                .put("key-encryption-key", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=")))
                .containsExactly("Secret/console-service-secrets key key-encryption-key: a committed value must be "
                        + "empty or start with 'dev-only-' (plain, or once base64-decoded)");
    }

    // ------------------------------------------------------------------ topics and Kafka

    @Test
    void missingDeadLetterTopicFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        KafkaChecks::topicsWellFormed,
                        () -> r.objects().removeIf(o -> Rendered.id(o).equals("KafkaTopic/platform-outages.v1.dlq"))))
                .containsExactly("KafkaTopic platform-outages.v1: has no dead-letter topic platform-outages.v1.dlq");
    }

    @Test
    void topicPoliciesAndReplicationFail() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, KafkaChecks::topicsWellFormed, () -> {
                    obj(r.get("KafkaTopic", "contacts.v1").at("/spec/config")).put("cleanup.policy", "delete");
                    obj(r.get("KafkaTopic", "consent-withdrawals.v1").at("/spec/config"))
                            .remove("retention.ms");
                    obj(r.get("KafkaTopic", "tenants.v1").get("spec")).put("replicas", 4);
                    obj(r.get("KafkaTopic", "outreach-deliveries.v1").at("/spec/config"))
                            .put("min.insync.replicas", "3");
                }))
                .containsExactlyInAnyOrder(
                        "KafkaTopic contacts.v1: cleanup.policy=delete without retention.ms",
                        "KafkaTopic contacts.v1: must be cleanup.policy=compact (DESIGN.md)",
                        "KafkaTopic consent-withdrawals.v1: cleanup.policy=delete without retention.ms",
                        "KafkaTopic tenants.v1: 4 replicas but only 3 broker(s)",
                        "KafkaTopic outreach-deliveries.v1: with 3 brokers a topic needs replicas >= 3 and "
                                + "2 <= min.insync.replicas < replicas (durable, and writable with a broker down)");
    }

    @Test
    void devTopicWithMoreReplicasThanBrokersFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        KafkaChecks::topicsWellFormed,
                        () -> obj(r.get("KafkaTopic", "contacts.v1").get("spec"))
                                .put("replicas", 3)))
                .containsExactly("KafkaTopic contacts.v1: 3 replicas but only 1 broker(s)");
    }

    @Test
    void topicOfAnotherKafkaClusterFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        KafkaChecks::strimziClusterLabels,
                        () -> obj(r.get("KafkaTopic", "tenants.v1").at("/metadata/labels"))
                                .put("strimzi.io/cluster", "other")))
                .singleElement()
                .asString()
                .startsWith("KafkaTopic/tenants.v1: strimzi.io/cluster=other names no Kafka");
    }

    /** The services as deploy/ sees them: three Kafka clients and the console, which uses HTTP only. */
    private static List<ServiceProperties> kafkaUse() {
        List<ServiceProperties> services = new ArrayList<>();
        for (String svc : List.of("contact-service", "monitor-service", "outreach-service", "console-service")) {
            Map<String, String> props = new HashMap<>();
            if (!svc.equals("console-service")) {
                props.put("kafka.bootstrap.servers", "lifeline-kafka-bootstrap:9092");
            }
            services.add(new ServiceProperties(
                    svc, Path.of(svc + "/src/main/resources/application.properties"), Map.copyOf(props)));
        }
        return services;
    }

    @Test
    void callBetweenServicesThatANetworkPolicyDropsFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, PodChecks::inClusterCallsAdmitted, () -> {
                    // the console's way out to the three APIs, and monitor-service's way in for the console
                    ((ArrayNode) r.get("NetworkPolicy", "console-service").at("/spec/egress")).remove(1);
                    ArrayNode monitorIngress = (ArrayNode)
                            r.get("NetworkPolicy", "monitor-service").at("/spec/ingress");
                    assertThat(monitorIngress
                                    .get(2)
                                    .at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name")
                                    .asText())
                            .isEqualTo("console-service");
                    monitorIngress.remove(2);
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/console-service: LIFELINE_CONTACT_URL calls contact-service on http, but no "
                                + "NetworkPolicy of the caller lets it out",
                        "Deployment/console-service: LIFELINE_MONITOR_URL calls monitor-service on http, but no "
                                + "NetworkPolicy of the caller lets it out",
                        "Deployment/console-service: LIFELINE_OUTREACH_URL calls outreach-service on http, but no "
                                + "NetworkPolicy of the caller lets it out",
                        "Deployment/console-service: LIFELINE_MONITOR_URL calls monitor-service on http, but no "
                                + "NetworkPolicy of monitor-service lets it in");
        // contact-service's subject access requests to outreach-service are checked the same way
        Rendered dev = dev();
        assertThat(breakAndCheck(
                        dev,
                        PodChecks::inClusterCallsAdmitted,
                        () -> ((ArrayNode) dev.get("NetworkPolicy", "outreach-service")
                                        .at("/spec/ingress"))
                                .remove(2)))
                .containsExactly("Deployment/contact-service: LIFELINE_CONTACT_OUTREACH_URL calls outreach-service on "
                        + "http, but no NetworkPolicy of outreach-service lets it in");
    }

    @Test
    void consoleGivenKafkaAccessOrKafkaClientWithoutItFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, x -> KafkaChecks.kafkaAccessMatchesUse(x, kafkaUse()), () -> {
                    obj(r.get("Deployment", "console-service").at("/spec/template/metadata/labels"))
                            .put("lifeline.dev/kafka-client", "true");
                    ArrayNode egress = (ArrayNode)
                            r.get("NetworkPolicy", "console-service").at("/spec/egress");
                    egress.add(r.get("NetworkPolicy", "contact-service")
                            .at("/spec/egress/0")
                            .deepCopy());
                    obj(r.get("Deployment", "outreach-service").at("/spec/template/metadata/labels"))
                            .remove("lifeline.dev/kafka-client");
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/console-service: uses no Kafka but its pods carry lifeline.dev/kafka-client=true, "
                                + "which the brokers admit",
                        "NetworkPolicy/console-service: lets console-service, which uses no Kafka, reach the brokers",
                        "Deployment/outreach-service: uses Kafka (application.properties) but its pods lack "
                                + "lifeline.dev/kafka-client=true, so Strimzi's listeners would not admit them");
        Rendered dev = dev();
        assertThat(breakAndCheck(
                        dev,
                        x -> KafkaChecks.kafkaAccessMatchesUse(x, kafkaUse()),
                        () -> obj(dev.get("ConfigMap", "console-service-config").get("data"))
                                .put("KAFKA_BOOTSTRAP_SERVERS", "lifeline-kafka-bootstrap:9092")))
                .containsExactly("Deployment/console-service: uses no Kafka but is given KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void kafkaClientWithoutScramCredentialsFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, KafkaChecks::kafkaClientsMatchListeners, () -> {
                    ArrayNode env = (ArrayNode) container(r, "outreach-service").get("env");
                    for (int i = env.size() - 1; i >= 0; i--) {
                        if ("KAFKA_SASL_JAAS_CONFIG"
                                .equals(env.get(i).path("name").asText())) {
                            env.remove(i);
                        }
                    }
                    obj(r.get("ConfigMap", "contact-service-config").get("data"))
                            .put("KAFKA_BOOTSTRAP_SERVERS", "lifeline-kafka-bootstrap:9092");
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/contact-service: Kafka lifeline has no listener on port 9092",
                        "Deployment/outreach-service: SCRAM listener but KAFKA_SASL_JAAS_CONFIG does not come from a KafkaUser's Secret");
    }

    @Test
    void hpaAbovePartitionsFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        rr -> ScalingChecks.hpaWithinPartitions(rr, List.of()),
                        () -> obj(r.get("KafkaTopic", "outreach-deliveries.v1").get("spec"))
                                .put("partitions", 3)))
                .containsExactly("HorizontalPodAutoscaler/outreach-service: maxReplicas 4 x 1 consumer(s) per pod > 3 "
                        + "partitions of outreach-deliveries.v1; consumers beyond the partition count sit idle");
    }

    // ------------------------------------------------------------------ databases

    @Test
    void serviceReachingAnotherServicesDatabaseFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, DatabaseChecks::databasesIsolated, () -> {
                    ObjectNode to = obj(r.get("NetworkPolicy", "outreach-service")
                            .at("/spec/egress/1/to/0/podSelector/matchLabels"));
                    to.put("cnpg.io/cluster", "contact-db");
                }))
                .contains("NetworkPolicy/outreach-service: lets outreach-service reach database contact-db");
    }

    @Test
    void databaseAcceptingAnotherServiceFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        DatabaseChecks::databasesIsolated,
                        () -> obj(r.get("NetworkPolicy", "contact-db")
                                        .at("/spec/ingress/0/from/0/podSelector/matchLabels"))
                                .put("app.kubernetes.io/name", "outreach-service")))
                .singleElement()
                .asString()
                .contains("connect to contact-db (owner: contact-service)");
    }

    @Test
    void twoServicesSharingADatabaseFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        DatabaseChecks::databasesIsolated,
                        () -> obj(r.get("ConfigMap", "monitor-service-config").get("data"))
                                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://contact-db-rw:5432/contact")))
                .contains(
                        "Cluster contact-db is shared by contact-service and monitor-service",
                        "Deployment/monitor-service: QUARKUS_DATASOURCE_USERNAME must come from Secret contact-db-app, not monitor-db-app");
    }

    // ------------------------------------------------------------------ scaling, ingress, images

    @Test
    void hpaFightingReplicasAndMissingPdbAndAntiAffinityFail() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, ScalingChecks::scaling, () -> {
                    obj(r.get("Deployment", "contact-service").get("spec")).put("replicas", 3);
                    r.objects().removeIf(o -> Rendered.id(o).equals("PodDisruptionBudget/monitor-service"));
                    obj(r.get("Deployment", "outreach-service").at("/spec/template/spec"))
                            .remove("affinity");
                }))
                .containsExactlyInAnyOrder(
                        "Deployment/contact-service: has spec.replicas and an HPA; every `kubectl apply` would reset the HPA's choice",
                        "Deployment/monitor-service: scaled by an HPA but no PodDisruptionBudget protects it",
                        "Deployment/outreach-service: several replicas but no podAntiAffinity to keep them on different nodes");
    }

    @Test
    void ingressExposingQuarkusEndpointsOrMissingBackendFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, IngressChecks::ingress, () -> {
                    ArrayNode paths =
                            (ArrayNode) r.get("Ingress", "lifeline-public").at("/spec/rules/0/http/paths");
                    ObjectNode q = paths.get(0).deepCopy();
                    q.put("path", "/q");
                    paths.add(q);
                    obj(paths.get(5).at("/backend/service")).put("name", "unsubscribe-service");
                }))
                .containsExactlyInAnyOrder(
                        "Ingress/lifeline-public path /q: exposes a non-public endpoint",
                        "Ingress/lifeline-public path /unsubscribe: Service unsubscribe-service does not exist");
    }

    @Test
    void consoleOnTheSharedHostOrSharingItsHostFails() {
        for (String overlay : List.of("dev", "prod")) {
            Rendered r = Rendered.overlay(overlay).copy();
            // the console's "/" on the host of the services' public paths would take every path they do not route
            assertThat(breakAndCheck(
                            r,
                            IngressChecks::ingress,
                            () -> obj(r.get("Ingress", "lifeline-public").at("/spec/rules/1"))
                                    .remove("host")))
                    .as(overlay)
                    .contains(
                            "Ingress/lifeline-public: routes console-service on a rule without a host; a web UI is "
                                    + "routed from / and needs a host of its own",
                            "Ingress/lifeline-public path /: exposes a non-public endpoint");
        }
        // another service's path on the console's host: the host must route the console alone
        Rendered r = prod();
        assertThat(breakAndCheck(r, IngressChecks::ingress, () -> {
                    ArrayNode paths =
                            (ArrayNode) r.get("Ingress", "lifeline-public").at("/spec/rules/1/http/paths");
                    ObjectNode admin = paths.get(0).deepCopy();
                    admin.put("path", "/api/v1/admin");
                    obj(admin.at("/backend/service")).put("name", "contact-service");
                    paths.add(admin);
                }))
                .contains("Ingress/lifeline-public host console.lifeline.example.com: routes [console-service, "
                        + "contact-service]; the host of console-service must route to it alone");
    }

    @Test
    void serviceOtherThanTheConsoleAtTheRootOfItsOwnHostFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(
                        r,
                        IngressChecks::ingress,
                        () -> obj(r.get("Ingress", "lifeline-public").at("/spec/rules/1/http/paths/0/backend/service"))
                                .put("name", "contact-service")))
                .containsExactly("Ingress/lifeline-public path /: exposes a non-public endpoint");
    }

    @Test
    void ingressRoutedToTheManagementPortFails() {
        Rendered r = prod();
        assertThat(breakAndCheck(r, IngressChecks::ingress, () -> {
                    ArrayNode paths =
                            (ArrayNode) r.get("Ingress", "lifeline-public").at("/spec/rules/0/http/paths");
                    obj(paths.get(0).at("/backend/service/port")).put("name", "management");
                    ObjectNode byNumber = obj(paths.get(3).at("/backend/service/port"));
                    byNumber.remove("name");
                    byNumber.put("number", 9000);
                    // a Service port of another name that leads to the management port is no better
                    ArrayNode outreachPorts =
                            (ArrayNode) r.get("Service", "outreach-service").at("/spec/ports");
                    obj(outreachPorts.get(0)).put("targetPort", "management");
                }))
                .containsExactlyInAnyOrder(
                        "Ingress/lifeline-public path /f: routes to port management of Service contact-service, "
                                + "the management port; that exposes health/metrics publicly",
                        "Ingress/lifeline-public path /status: routes to port 9000 of Service monitor-service, "
                                + "the management port; that exposes health/metrics publicly",
                        "Ingress/lifeline-public path /unsubscribe: routes to port http of Service outreach-service, "
                                + "the management port; that exposes health/metrics publicly");
    }

    @Test
    void imageTagNotTheProjectVersionFails() {
        Rendered r = dev();
        assertThat(breakAndCheck(
                        r,
                        rr -> SettingsChecks.images(rr, List.of(), Rendered.projectVersion()),
                        () -> container(r, "contact-service").put("image", "lifeline/contact-service:latest")))
                .containsExactly(
                        "Deployment/contact-service: image lifeline/contact-service:latest is not [registry/]lifeline/contact-service:"
                                + Rendered.projectVersion() + ", the image the Quarkus build produces");
    }

    // ------------------------------------------------------------------ schemas

    @Test
    void unknownFieldInAKubernetesObjectFailsTheSchema() {
        Rendered r = prod();
        ObjectNode d = r.get("Deployment", "contact-service");
        assertThat(schemaErrors(r, d)).isEmpty();
        container(r, "contact-service").put("imagePullPolicyy", "Always");
        assertThat(schemaErrors(r, d))
                .anySatisfy(e ->
                        assertThat(e).startsWith("Deployment/contact-service: ").contains("imagePullPolicyy"));
    }

    @Test
    void missingRequiredFieldAndWrongTypeFailTheSchema() {
        Rendered r = dev();
        ObjectNode svc = r.get("Service", "contact-service");
        ObjectNode cm = r.get("ConfigMap", "contact-service-config");
        assertThat(schemaErrors(r, svc)).isEmpty();
        obj(svc.at("/spec/ports/0")).remove("port");
        obj(cm.get("data")).put("QUARKUS_HTTP_PORT", 8080);
        assertThat(schemaErrors(r, svc)).anySatisfy(e -> assertThat(e).contains("port"));
        assertThat(schemaErrors(r, cm)).anySatisfy(e -> assertThat(e).contains("QUARKUS_HTTP_PORT"));
    }

    @Test
    void unknownApiVersionOrKindFailsTheSchema() {
        Rendered r = prod();
        ObjectNode hpa = r.get("HorizontalPodAutoscaler", "outreach-service");
        hpa.put("apiVersion", "autoscaling/v2beta2");
        assertThat(schemaErrors(r, hpa))
                .containsExactly(
                        "HorizontalPodAutoscaler/outreach-service: no schema known "
                                + "for apiVersion/kind autoscaling/v2beta2 HorizontalPodAutoscaler (add one to SchemaValidator before using this kind)");
    }

    @Test
    void strimziUnknownFieldWrongEnumAndV1beta2OnlyFieldFail() {
        Rendered r = prod();
        ObjectNode kafka = r.get("Kafka", "lifeline");
        ObjectNode user = r.get("KafkaUser", "outreach-service");
        ObjectNode pool = r.get("KafkaNodePool", "brokers");
        assertThat(schemaErrors(r, kafka)).isEmpty();
        assertThat(schemaErrors(r, user)).isEmpty();
        assertThat(schemaErrors(r, pool)).isEmpty();

        obj(kafka.at("/spec/kafka")).put("replicas", 3); // v1beta2 only: moved to KafkaNodePool
        obj(kafka.at("/spec/kafka/listeners/0")).put("type", "internall"); // not a listener type
        obj(user.at("/spec/authorization/acls/0")).put("operation", "Read"); // v1alpha1-v1beta2 only
        obj(pool.get("spec")).put("replicas", -1); // @Minimum(0)
        obj(pool.get("spec")).remove("roles"); // required

        assertThat(schemaErrors(r, kafka))
                .contains(
                        "Kafka/lifeline: Strimzi CRD v1: spec.kafka.listeners[0].type = \"internall\" is not an allowed value");
        kafka.withObject("/spec/kafka")
                .put("listeners", kafka.at("/spec/kafka/listeners").deepCopy());
        obj(kafka.at("/spec/kafka/listeners/0")).put("type", "internal");
        assertThat(schemaErrors(r, kafka))
                .containsExactly(
                        "Kafka/lifeline: Strimzi CRD v1: spec.kafka.replicas does not exist in v1 (only in v1beta2)");
        assertThat(schemaErrors(r, user))
                .containsExactly(
                        "KafkaUser/outreach-service: Strimzi CRD v1: spec.authorization.acls[0].operation does not exist in v1 "
                                + "(only in v1alpha1-v1beta2)");
        assertThat(schemaErrors(r, pool))
                .containsExactlyInAnyOrder(
                        "KafkaNodePool/brokers: Strimzi CRD v1: spec.replicas = -1 is below the minimum 0",
                        "KafkaNodePool/brokers: Strimzi CRD v1: spec.roles is required");
    }

    @Test
    void strimziTopicBelowMinimumPartitionsFails() {
        Rendered r = dev();
        ObjectNode t = r.get("KafkaTopic", "tenants.v1");
        obj(t.get("spec")).put("partitions", 0);
        assertThat(schemaErrors(r, t))
                .containsExactly("KafkaTopic/tenants.v1: Strimzi CRD v1: spec.partitions = 0 is below the minimum 1");
    }

    @Test
    void cloudNativePgUnknownFieldAndNonStringParameterFail() {
        Rendered r = prod();
        ObjectNode db = r.get("Cluster", "outreach-db");
        assertThat(schemaErrors(r, db)).isEmpty();
        obj(db.get("spec")).put("instance", 3);
        obj(db.at("/spec/postgresql/parameters")).put("max_connections", 100);
        List<String> errors = new ArrayList<>(schemaErrors(r, db));
        assertThat(errors)
                .hasSize(2)
                .anySatisfy(e -> assertThat(e)
                        .startsWith("Cluster/outreach-db: CNPG schema:")
                        .contains("instance"))
                .anySatisfy(e -> assertThat(e).contains("max_connections"));
    }

    @Test
    void serviceMonitorUnknownFieldFails() {
        Rendered r = prod();
        ObjectNode sm = r.get("ServiceMonitor", "lifeline-services");
        assertThat(schemaErrors(r, sm)).isEmpty();
        obj(sm.at("/spec/endpoints/0")).set("metricsPath", TextNode.valueOf("/q/metrics"));
        assertThat(schemaErrors(r, sm)).singleElement().asString().contains("metricsPath");
    }

    @Test
    void invalidNameOrLabelFailsTheSchema() {
        Rendered r = dev();
        ObjectNode svc = r.get("Service", "mailpit");
        obj(svc.get("metadata")).put("name", "Mail_Pit");
        obj(svc.at("/metadata/labels")).put("app.kubernetes.io/name", "mail pit");
        assertThat(schemaErrors(r, svc))
                .anySatisfy(e -> assertThat(e).contains("not a valid DNS-1123 label"))
                .anySatisfy(e -> assertThat(e).contains("label value 'mail pit' is invalid"));
    }
}
