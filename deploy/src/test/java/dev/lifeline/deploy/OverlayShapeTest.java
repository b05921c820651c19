package dev.lifeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.deploy.support.Json;
import dev.lifeline.deploy.support.Rendered;
import dev.lifeline.deploy.support.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What issue 7 asks of each overlay, beyond the invariants every overlay meets. */
class OverlayShapeTest {

    /** The services that scale out (HPA, PDB, a KafkaUser in prod). */
    static final List<String> SERVICES = List.of("contact-service", "monitor-service", "outreach-service");
    /** The owner's console: one replica everywhere (its sign-in limiter counts in memory). */
    static final String CONSOLE = "console-service";

    static List<String> names(Rendered r, String kind) {
        return r.ofKind(kind).map(o -> Json.text(o, "metadata", "name")).toList();
    }

    @Test
    void devRunsOneOfEverythingWithASmtpCatcher() {
        Rendered dev = Rendered.overlay("dev");
        for (String s : SERVICES) {
            assertThat(dev.get("Deployment", s).at("/spec/replicas").asInt())
                    .as(s)
                    .isEqualTo(1);
        }
        assertThat(names(dev, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(dev.ofKind("KafkaNodePool"))
                .singleElement()
                .satisfies(p -> assertThat(p.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(dev.get("Deployment", CONSOLE).at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(dev.ofKind("Cluster"))
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.at("/spec/instances").asInt()).isEqualTo(1));
        assertThat(names(dev, "Deployment")).contains("mailpit");
        JsonNode outreach = dev.get("ConfigMap", "outreach-service-config").get("data");
        assertThat(outreach.get("QUARKUS_MAILER_HOST").asText()).isEqualTo("mailpit");
        assertThat(outreach.get("QUARKUS_MAILER_PORT").asText()).isEqualTo("1025");
        assertThat(names(dev, "KafkaUser")).isEmpty();
    }

    @Test
    void prodScalesAndSpreadsEveryService() {
        Rendered prod = Rendered.overlay("prod");
        assertThat(prod.ofKind("HorizontalPodAutoscaler").map(h -> Json.text(h, "spec", "scaleTargetRef", "name")))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(names(prod, "PodDisruptionBudget")).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String s : SERVICES) {
            JsonNode pod = prod.get("Deployment", s).at("/spec/template/spec");
            assertThat(pod.at("/affinity/podAntiAffinity").isMissingNode())
                    .as(s)
                    .isFalse();
            assertThat(pod.at("/topologySpreadConstraints/0/topologyKey").asText())
                    .isEqualTo("topology.kubernetes.io/zone");
        }
        // The console stays at one pod: N pods would each allow the sign-in attempts its in-memory limiter allows.
        assertThat(prod.get("Deployment", CONSOLE).at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(prod.ofKind("Cluster")).hasSize(4).allSatisfy(c -> {
            assertThat(c.at("/spec/instances").asInt()).isEqualTo(3);
            assertThat(c.at("/spec/affinity/enablePodAntiAffinity").asBoolean()).isTrue();
        });
        assertThat(prod.ofKind("KafkaNodePool")
                        .mapToInt(p -> p.at("/spec/replicas").asInt())
                        .sum())
                .isEqualTo(6);
        assertThat(prod.get("KafkaTopic", "outreach-deliveries.v1")
                        .at("/spec/partitions")
                        .asInt())
                .isEqualTo(12);
        assertThat(names(prod, "ServiceMonitor")).isNotEmpty();
    }

    @Test
    void prodKafkaUsesTlsScramAndOneUserPerService() {
        Rendered prod = Rendered.overlay("prod");
        JsonNode listeners = prod.get("Kafka", "lifeline").at("/spec/kafka/listeners");
        assertThat(listeners).allSatisfy(l -> {
            assertThat(l.get("tls").asBoolean()).isTrue();
            assertThat(l.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(prod.get("Kafka", "lifeline")
                        .at("/spec/kafka/authorization/type")
                        .asText())
                .isEqualTo("simple");
        assertThat(names(prod, "KafkaUser")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(prod.get("KafkaUser", "outreach-service")
                        .at("/spec/authorization/acls")
                        .size())
                .isPositive();
    }

    @Test
    void prodTakesSmtpAndSmsCredentialsFromSecretTemplates() {
        Rendered prod = Rendered.overlay("prod");
        assertThat(names(prod, "Secret")).isEmpty();
        assertThat(prod.secretTemplates().stream().map(o -> Json.text(o, "metadata", "name")))
                .contains(
                        "lifeline-smtp",
                        "outreach-sms",
                        "contact-service-secrets",
                        "monitor-service-secrets",
                        "lifeline-link-signing",
                        "console-service-secrets");
        assertThat(prod.get("ConfigMap", "outreach-service-config")
                        .at("/data/QUARKUS_MAILER_START_TLS")
                        .asText())
                .isEqualTo("REQUIRED");
    }

    @Test
    void bothOverlaysRouteExactlyThePublicPathsToTheApiPort() {
        for (String overlay : List.of("dev", "prod")) {
            List<String> routes = new ArrayList<>();
            Rendered.overlay(overlay)
                    .ofKind("Ingress")
                    .forEach(i -> i.at("/spec/rules")
                            .forEach(rule -> rule.at("/http/paths")
                                    .forEach(p -> routes.add(rule.path("host").asText("*")
                                            + p.get("path").asText()
                                            + " -> "
                                            + p.at("/backend/service/name").asText() + ":"
                                            + p.at("/backend/service/port/name").asText()))));
            String host = overlay.equals("dev") ? "*" : "lifeline.example.com";
            String consoleHost = overlay.equals("dev") ? "console.localhost" : "console.lifeline.example.com";
            assertThat(routes)
                    .as(overlay)
                    .containsExactlyInAnyOrder(
                            host + "/f -> contact-service:http",
                            host + "/api/v1/public -> contact-service:http",
                            host + "/confirm -> contact-service:http",
                            host + "/status -> monitor-service:http",
                            host + "/api/v1/status -> monitor-service:http",
                            host + "/unsubscribe -> outreach-service:http",
                            consoleHost + "/ -> console-service:http");
        }
    }

    @Test
    void eachServiceExposesItsApiAndItsManagementPort() {
        for (String overlay : List.of("dev", "prod")) {
            Rendered r = Rendered.overlay(overlay);
            for (String s : Stream.concat(SERVICES.stream(), Stream.of(CONSOLE)).toList()) {
                List<String> ports = new ArrayList<>();
                r.get("Service", s)
                        .at("/spec/ports")
                        .forEach(p -> ports.add(
                                p.get("name").asText() + " " + p.get("port").asInt() + " -> "
                                        + p.get("targetPort").asText()));
                assertThat(ports)
                        .as("%s %s", overlay, s)
                        .containsExactly("http 8080 -> http", "management 9000 -> management");
            }
        }
        assertThat(Rendered.overlay("prod")
                        .get("ServiceMonitor", "lifeline-services")
                        .at("/spec/endpoints"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("port").asText()).isEqualTo("management");
                    assertThat(e.get("path").asText()).isEqualTo("/q/metrics");
                });
    }

    @Test
    void everyRenderedKindIsOneTheValidatorKnows() {
        for (String overlay : Rendered.overlayNames()) {
            Rendered r = Rendered.overlay(overlay);
            assertThat(r.objects())
                    .allSatisfy(o -> assertThat(SchemaValidator.validate(o))
                            .as(Rendered.id(o))
                            .isEmpty());
        }
    }
}
