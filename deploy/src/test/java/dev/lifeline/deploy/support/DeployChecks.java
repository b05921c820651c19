package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SecretChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/**
 * Lifeline's deployment invariants, each a function from a rendered overlay (and the services'
 * application.properties) to a list of violations: empty means the invariant holds.
 * "Services" are the Deployments labelled app.kubernetes.io/component=service. The checks live in one class per
 * area ({@link PodChecks}, {@link SecretChecks}, {@link KafkaChecks}, {@link DatabaseChecks}, {@link ScalingChecks},
 * {@link IngressChecks}, {@link SettingsChecks}); this class names them all and holds what they share.
 */
public final class DeployChecks {

    public static final String SERVICE_COMPONENT = "service";
    public static final String SCALES_WITH_TOPIC = "lifeline.dev/scales-with-topic";
    public static final String PLACEHOLDER = "REPLACE_ME";
    public static final String DEV_VALUE_PREFIX = "dev-only-";

    /** Health and metrics of a Quarkus service (SmallRye Health, Micrometer/SmallRye Metrics). */
    static final Map<String, String> HEALTH =
            Map.of("startup", "/q/health/started", "liveness", "/q/health/live", "readiness", "/q/health/ready");

    static final String METRICS_PATH = "/q/metrics";
    /** The API: container port and Service port "http", the only port the Ingress routes to. */
    static final int HTTP_PORT = 8080;

    static final String HTTP_PORT_NAME = "http";
    /**
     * Quarkus' management interface (quarkus.management.*): health and metrics answer on this port only, the API
     * port answers 404 for them. Container port and Service port "management", for the kubelet and Prometheus.
     */
    static final int MANAGEMENT_PORT = 9000;

    static final String MANAGEMENT_PORT_NAME = "management";
    /** The namespace Prometheus scrapes from (README: kube-prometheus-stack in "monitoring"). */
    static final String MONITORING_NAMESPACE = "monitoring";

    /** Keys of the Secrets operators create: CloudNativePG (<cluster>-app), Strimzi (KafkaUser, cluster CA). */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username",
            "password",
            "dbname",
            "host",
            "port",
            "uri",
            "jdbc-uri",
            "pgpass",
            "fqdn-uri",
            "fqdn-jdbc-uri",
            "user");

    static final Set<String> KAFKA_SCRAM_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");
    static final Set<String> KAFKA_TLS_USER_SECRET_KEYS =
            Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
    static final Set<String> KAFKA_CA_SECRET_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

    private DeployChecks() {}

    /** Every check, by name. */
    public static Map<String, List<String>> all(Rendered r, List<ServiceProperties> services, String version) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("schemas", schemas(r));
        out.put("namespace", namespace(r));
        out.put(
                "deployments are hardened (probes, limits, non-root, read-only, no escalation, caps dropped)",
                deploymentsHardened(r));
        out.put("services probe SmallRye Health and expose metrics on the management port", serviceHealthAndMetrics(r));
        out.put("only Prometheus reaches the management port", managementPortPrivate(r));
        out.put("services have a Service, a ServiceAccount and a NetworkPolicy", servicesWired(r));
        out.put("calls between services are let out by the caller and in by the callee", inClusterCallsAdmitted(r));
        out.put("referenced Secrets exist as templates or operator outputs", secretsReferencedExist(r));
        out.put("committed Secrets hold no real secrets", secretsHoldNoRealValues(r));
        out.put("referenced ConfigMaps exist", configMapsReferencedExist(r));
        out.put("topics used by the services exist", topicsUsedExist(r, services));
        out.put("topics are well-formed", topicsWellFormed(r));
        out.put("Strimzi resources belong to the Kafka cluster", strimziClusterLabels(r));
        out.put("Kafka clients match a listener", kafkaClientsMatchListeners(r));
        out.put("only the services that use Kafka can reach it", kafkaAccessMatchesUse(r, services));
        out.put("KafkaUser ACLs cover what each service uses", kafkaAclsCoverServices(r, services));
        out.put("each service owns its database, and only it", databasesIsolated(r));
        out.put("scaling: HPA xor fixed replicas, PDB, anti-affinity", scaling(r));
        out.put("HPAs do not outgrow their topic's partitions", hpaWithinPartitions(r, services));
        out.put("Ingress routes only public paths to existing Services, never to the management port", ingress(r));
        out.put("images are the ones the Quarkus build makes", images(r, services, version));
        out.put(
                "services' runtime settings match the manifests (ports, management interface, health and metrics paths)",
                runtimeSettings(r, services));
        out.put(
                "services get every setting they cannot start without, and no localhost",
                requiredSettings(r, services));
        return out;
    }

    // ------------------------------------------------------------------ schemas and namespace

    public static List<String> schemas(Rendered r) {
        List<String> v = new ArrayList<>();
        Stream.concat(r.objects().stream(), r.secretTemplates().stream())
                .forEach(o -> v.addAll(SchemaValidator.validate(o)));
        return v;
    }

    public static List<String> namespace(Rendered r) {
        List<String> v = new ArrayList<>();
        List<String> namespaces =
                r.ofKind("Namespace").map(n -> text(n, "metadata", "name")).toList();
        if (namespaces.size() != 1) {
            v.add("an overlay must create exactly one Namespace, found " + namespaces);
            return v;
        }
        String ns = namespaces.get(0);
        Stream.concat(r.objects().stream(), r.secretTemplates().stream())
                .filter(o -> !"Namespace".equals(text(o, "kind")))
                .filter(o -> !ns.equals(text(o, "metadata", "namespace")))
                .forEach(o -> v.add(id(o) + " is in namespace " + text(o, "metadata", "namespace") + ", not " + ns));
        return v;
    }

    // ------------------------------------------------------------------ helpers

    /** Whether some NetworkPolicy selecting these pods allows egress to pods labelled key=value on port. */
    static boolean egressAllows(Rendered r, JsonNode podLabels, String key, String value, int port) {
        return r.ofKind("NetworkPolicy")
                .filter(p -> matchesSelector(at(p, "spec", "podSelector"), podLabels))
                .anyMatch(p -> {
                    for (JsonNode rule : iterable(at(p, "spec", "egress"))) {
                        boolean portOk = !rule.has("ports");
                        for (JsonNode pt : iterable(rule.get("ports"))) {
                            portOk |= pt.path("port").asInt() == port;
                        }
                        boolean peerOk = !rule.has("to");
                        for (JsonNode peer : iterable(rule.get("to"))) {
                            peerOk |= !peer.has("namespaceSelector")
                                    && !peer.has("ipBlock")
                                    && value.equals(text(peer, "podSelector", "matchLabels", key));
                        }
                        if (portOk && peerOk) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    static Iterable<JsonNode> iterable(JsonNode n) {
        if (n == null || !n.isArray()) {
            return List.of();
        }
        return n::elements;
    }

    /** matchLabels-only selector (as a plain map) against labels. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (labels == null || !e.getValue().asText().equals(text(labels, e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A LabelSelector (matchLabels and matchExpressions) against labels. */
    static boolean matchesSelector(JsonNode selector, JsonNode labels) {
        if (selector == null) {
            return false;
        }
        if (selector.has("matchLabels") && !matches(selector.get("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expr : iterable(selector.get("matchExpressions"))) {
            String value = labels == null ? null : text(labels, text(expr, "key"));
            Set<String> values = new LinkedHashSet<>();
            iterable(expr.get("values")).forEach(x -> values.add(x.asText()));
            boolean ok = switch (text(expr, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return selector.has("matchLabels") || selector.has("matchExpressions") || selector.size() == 0;
    }

    /** Flattens the violations of {@link #all} for a readable assertion message. */
    public static String report(Map<String, List<String>> results) {
        return results.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + ":\n  - " + String.join("\n  - ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    static <T> List<T> flat(Collection<List<T>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }

    static BigDecimal amount(Quantity q) {
        return q.getNumericalAmount();
    }
}
