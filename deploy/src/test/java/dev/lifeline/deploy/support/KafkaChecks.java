package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SecretChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/** Kafka: topics the services use exist and are well formed, Strimzi resources belong to the cluster, clients match a listener, and ACLs cover what each service uses. Part of {@link DeployChecks}. */
public final class KafkaChecks {

    private KafkaChecks() {}

    static String topicName(ObjectNode t) {
        String n = text(t, "spec", "topicName");
        return n != null ? n : text(t, "metadata", "name");
    }

    static Map<String, ObjectNode> topics(Rendered r) {
        Map<String, ObjectNode> m = new TreeMap<>();
        r.ofKind("KafkaTopic").forEach(t -> m.put(topicName(t), t));
        return m;
    }

    public static List<String> topicsUsedExist(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        Map<String, ObjectNode> topics = topics(r);
        for (ServiceProperties s : services) {
            for (ServiceProperties.TopicUse use : s.topics()) {
                if (!topics.containsKey(use.topic())) {
                    v.add(use + " (" + s.file() + "): no KafkaTopic '" + use.topic() + "' in overlay " + r.name());
                }
            }
        }
        return v;
    }

    static int brokers(Rendered r, String cluster) {
        return r.ofKind("KafkaNodePool")
                .filter(p -> cluster.equals(text(p, "metadata", "labels", "strimzi.io/cluster")))
                .filter(p -> {
                    for (JsonNode role : iterable(at(p, "spec", "roles"))) {
                        if (role.asText().equals("broker")) {
                            return true;
                        }
                    }
                    return false;
                })
                .mapToInt(p -> at(p, "spec", "replicas").asInt())
                .sum();
    }

    public static List<String> topicsWellFormed(Rendered r) {
        List<String> v = new ArrayList<>();
        Map<String, ObjectNode> topics = topics(r);
        topics.forEach((name, t) -> {
            String who = "KafkaTopic " + name;
            JsonNode config = at(t, "spec", "config");
            String policy = config == null ? null : text(config, "cleanup.policy");
            if (policy == null) {
                v.add(who + ": no cleanup.policy");
            } else if (!policy.contains("compact") && text(config, "retention.ms") == null) {
                v.add(who + ": cleanup.policy=" + policy + " without retention.ms");
            }
            if (!name.endsWith(".dlq") && !topics.containsKey(name + ".dlq")) {
                v.add(who + ": has no dead-letter topic " + name + ".dlq");
            }
            if (at(t, "spec", "partitions") == null || at(t, "spec", "replicas") == null) {
                v.add(who + ": partitions and replicas must be explicit");
                return;
            }
            int replicas = at(t, "spec", "replicas").asInt();
            String cluster = text(t, "metadata", "labels", "strimzi.io/cluster");
            int brokers = cluster == null ? 0 : brokers(r, cluster);
            if (replicas > brokers) {
                v.add(who + ": " + replicas + " replicas but only " + brokers + " broker(s)");
            }
            int minIsr = config == null || text(config, "min.insync.replicas") == null
                    ? 1
                    : Integer.parseInt(text(config, "min.insync.replicas"));
            if (minIsr > replicas) {
                v.add(who + ": min.insync.replicas " + minIsr + " > replicas " + replicas
                        + " (no write could succeed)");
            }
            if (brokers >= 3 && (replicas < 3 || minIsr < 2 || minIsr >= replicas)) {
                v.add(who + ": with " + brokers + " brokers a topic needs replicas >= 3 and "
                        + "2 <= min.insync.replicas < replicas (durable, and writable with a broker down)");
            }
        });
        // DESIGN.md: tenants.v1 and contacts.v1 hold the latest state per key and must be compacted.
        for (String compacted : List.of("tenants.v1", "contacts.v1")) {
            ObjectNode t = topics.get(compacted);
            if (t != null && !"compact".equals(text(t, "spec", "config", "cleanup.policy"))) {
                v.add("KafkaTopic " + compacted + ": must be cleanup.policy=compact (DESIGN.md)");
            }
        }
        return v;
    }

    public static List<String> strimziClusterLabels(Rendered r) {
        List<String> v = new ArrayList<>();
        Set<String> clusters =
                r.ofKind("Kafka").map(k -> text(k, "metadata", "name")).collect(Collectors.toSet());
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            r.ofKind(kind).forEach(o -> {
                String c = text(o, "metadata", "labels", "strimzi.io/cluster");
                if (!clusters.contains(c)) {
                    v.add(id(o) + ": strimzi.io/cluster=" + c + " names no Kafka in the overlay " + clusters);
                }
            });
        }
        r.ofKind("Kafka").forEach(k -> {
            String name = text(k, "metadata", "name");
            boolean controller = false;
            boolean broker = false;
            for (ObjectNode p : r.ofKind("KafkaNodePool")
                    .filter(p -> name.equals(text(p, "metadata", "labels", "strimzi.io/cluster")))
                    .toList()) {
                for (JsonNode role : iterable(at(p, "spec", "roles"))) {
                    controller |= role.asText().equals("controller");
                    broker |= role.asText().equals("broker");
                }
            }
            if (!controller || !broker) {
                v.add(id(k) + ": KRaft needs KafkaNodePools with the controller and broker roles");
            }
        });
        return v;
    }

    /** The effective environment of a container: envFrom ConfigMaps, then env (plain values only). */
    static Map<String, String> plainEnv(Rendered r, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource e : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (e.getConfigMapRef() != null) {
                r.find("ConfigMap", e.getConfigMapRef().getName()).ifPresent(cm -> {
                    JsonNode data = cm.get("data");
                    if (data != null) {
                        data.fields()
                                .forEachRemaining(
                                        f -> env.put(f.getKey(), f.getValue().asText()));
                    }
                });
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            } else {
                env.remove(e.getName());
            }
        }
        return env;
    }

    static Optional<EnvVar> envVar(Container c, String name) {
        return Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                .filter(e -> name.equals(e.getName()))
                .findFirst();
    }

    static Container mainContainer(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> d.getMetadata().getName().equals(c.getName()))
                .findFirst()
                .orElse(d.getSpec().getTemplate().getSpec().getContainers().get(0));
    }

    /** The pod label Strimzi's listeners admit (base/kafka, overlays/prod/patches/kafka.yaml). */
    static final String KAFKA_CLIENT_LABEL = "lifeline.dev/kafka-client";

    /** Whether a Deployment is set up as a Kafka client: its pods carry the client label or it names a bootstrap. */
    static boolean kafkaClient(Rendered r, Deployment d) {
        return "true".equals(label(d.getSpec().getTemplate().getMetadata().getLabels(), KAFKA_CLIENT_LABEL))
                || plainEnv(r, mainContainer(d)).containsKey("KAFKA_BOOTSTRAP_SERVERS");
    }

    /**
     * Every service set up as a Kafka client reaches a listener it can talk to. Which services must be clients is
     * {@link #kafkaAccessMatchesUse}'s business (from their application.properties).
     */
    public static List<String> kafkaClientsMatchListeners(Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            if (!isService(d) || !kafkaClient(r, d)) {
                continue;
            }
            String who = "Deployment/" + d.getMetadata().getName();
            Container c = mainContainer(d);
            Map<String, String> env = plainEnv(r, c);
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null) {
                v.add(who + ": no KAFKA_BOOTSTRAP_SERVERS");
                continue;
            }
            Matcher m = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap(\\.[a-z0-9.-]+)?:(\\d+)")
                    .matcher(bootstrap);
            if (!m.matches()) {
                v.add(who + ": KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + " is not <kafka>-kafka-bootstrap:<port>");
                continue;
            }
            Optional<ObjectNode> kafka = r.find("Kafka", m.group(1));
            if (kafka.isEmpty()) {
                v.add(who + ": bootstrap names Kafka " + m.group(1) + ", which is not in the overlay");
                continue;
            }
            JsonNode listener = null;
            for (JsonNode l : iterable(at(kafka.get(), "spec", "kafka", "listeners"))) {
                if (String.valueOf(l.path("port").asInt()).equals(m.group(3))) {
                    listener = l;
                }
            }
            if (listener == null) {
                v.add(who + ": Kafka " + m.group(1) + " has no listener on port " + m.group(3));
                continue;
            }
            boolean tls = listener.path("tls").asBoolean(false);
            String auth = text(listener, "authentication", "type");
            String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            String expected = (auth != null && auth.startsWith("scram") ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT");
            if (auth != null && auth.equals("tls")) {
                expected = "SSL";
            }
            if (!expected.equals(protocol)) {
                v.add(who + ": listener " + text(listener, "name") + " needs KAFKA_SECURITY_PROTOCOL=" + expected
                        + ", the service uses " + protocol);
            }
            if (tls && env.get("KAFKA_SSL_TRUSTSTORE_LOCATION") == null) {
                v.add(who + ": TLS listener but no KAFKA_SSL_TRUSTSTORE_LOCATION (cluster CA)");
            }
            if (tls && env.get("KAFKA_SSL_TRUSTSTORE_LOCATION") != null) {
                String location = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
                boolean mounted = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                        .anyMatch(vm -> location.startsWith(vm.getMountPath() + "/"));
                if (!mounted) {
                    v.add(who + ": KAFKA_SSL_TRUSTSTORE_LOCATION " + location + " is on no mounted volume");
                }
            }
            if (auth != null && auth.equals("scram-sha-512")) {
                if (!"SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM"))) {
                    v.add(who + ": SCRAM listener but KAFKA_SASL_MECHANISM is not SCRAM-SHA-512");
                }
                Optional<EnvVar> jaas = envVar(c, "KAFKA_SASL_JAAS_CONFIG");
                String secret = jaas.map(e ->
                                e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null
                                        ? null
                                        : e.getValueFrom().getSecretKeyRef().getName())
                        .orElse(null);
                if (secret == null || r.find("KafkaUser", secret).isEmpty()) {
                    v.add(who + ": SCRAM listener but KAFKA_SASL_JAAS_CONFIG does not come from a KafkaUser's Secret");
                } else if (!secret.equals(d.getMetadata().getName())) {
                    v.add(who + ": authenticates as KafkaUser " + secret + ", not as itself");
                }
            }
            JsonNode podLabels = Json.TREE.valueToTree(
                    d.getSpec().getTemplate().getMetadata().getLabels());
            if (!egressAllows(r, podLabels, "strimzi.io/cluster", m.group(1), Integer.parseInt(m.group(3)))) {
                v.add(who + ": no NetworkPolicy lets it reach the brokers of " + m.group(1) + " on " + m.group(3));
            }
            boolean peer = false;
            for (JsonNode p : iterable(listener.get("networkPolicyPeers"))) {
                peer |= matchesSelector(p.get("podSelector"), podLabels) && !p.has("namespaceSelector");
            }
            if (listener.has("networkPolicyPeers") && !peer) {
                v.add(who + ": listener " + text(listener, "name") + "'s networkPolicyPeers do not admit its pods");
            }
            String authz = text(kafka.get(), "spec", "kafka", "authorization", "type");
            if (authz != null && r.find("KafkaUser", d.getMetadata().getName()).isEmpty()) {
                v.add(who + ": Kafka has authorization " + authz + " but there is no KafkaUser "
                        + d.getMetadata().getName());
            }
        }
        return v;
    }

    /**
     * A service whose application.properties uses Kafka is admitted by the listeners (the client label); one that
     * uses none gets no Kafka access at all: no client label, no bootstrap setting, no egress to the brokers, no
     * KafkaUser. Least privilege: console-service talks HTTP only, and a compromised console must not reach Kafka.
     */
    public static List<String> kafkaAccessMatchesUse(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        for (ServiceProperties s : services) {
            Optional<Deployment> dep = deployments(r).stream()
                    .filter(d -> d.getMetadata().getName().equals(s.service()))
                    .findFirst();
            if (dep.isEmpty()) {
                continue;
            }
            Deployment d = dep.get();
            String who = "Deployment/" + s.service();
            boolean labelled =
                    "true".equals(label(d.getSpec().getTemplate().getMetadata().getLabels(), KAFKA_CLIENT_LABEL));
            if (s.usesKafka()) {
                if (!labelled) {
                    v.add(who + ": uses Kafka (application.properties) but its pods lack " + KAFKA_CLIENT_LABEL
                            + "=true, so Strimzi's listeners would not admit them");
                }
                continue;
            }
            if (labelled) {
                v.add(who + ": uses no Kafka but its pods carry " + KAFKA_CLIENT_LABEL
                        + "=true, which the brokers admit");
            }
            if (plainEnv(r, mainContainer(d)).containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                v.add(who + ": uses no Kafka but is given KAFKA_BOOTSTRAP_SERVERS");
            }
            if (r.find("KafkaUser", s.service()).isPresent()) {
                v.add("KafkaUser/" + s.service() + ": " + s.service() + " uses no Kafka and needs no Kafka identity");
            }
            JsonNode podLabels = Json.TREE.valueToTree(
                    d.getSpec().getTemplate().getMetadata().getLabels());
            r.ofKind("NetworkPolicy")
                    .filter(p -> matchesSelector(at(p, "spec", "podSelector"), podLabels))
                    .forEach(p -> {
                        for (JsonNode rule : iterable(at(p, "spec", "egress"))) {
                            for (JsonNode peer : iterable(rule.get("to"))) {
                                if (text(peer, "podSelector", "matchLabels", "strimzi.io/cluster") != null) {
                                    v.add(id(p) + ": lets " + s.service() + ", which uses no Kafka, reach the brokers");
                                }
                            }
                        }
                    });
        }
        return v;
    }

    /** Whether a KafkaUser's simple ACLs allow an operation on a resource. */
    static boolean allowed(ObjectNode user, String resourceType, String name, String operation) {
        for (JsonNode acl : iterable(at(user, "spec", "authorization", "acls"))) {
            if ("deny".equals(text(acl, "type"))) {
                continue;
            }
            JsonNode res = acl.get("resource");
            if (!resourceType.equals(text(res, "type"))) {
                continue;
            }
            String rn = text(res, "name");
            String pattern = Optional.ofNullable(text(res, "patternType")).orElse("literal");
            boolean nameOk = "*".equals(rn) || (pattern.equals("prefix") ? name.startsWith(rn) : name.equals(rn));
            if (!nameOk) {
                continue;
            }
            for (JsonNode op : iterable(acl.get("operations"))) {
                if (op.asText().equals(operation) || op.asText().equals("All")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static List<String> kafkaAclsCoverServices(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        boolean authorizing = r.ofKind("Kafka").anyMatch(k -> at(k, "spec", "kafka", "authorization") != null);
        if (!authorizing) {
            return v;
        }
        for (ServiceProperties s : services) {
            if (!s.usesKafka()) {
                continue;
            }
            Optional<ObjectNode> user = r.find("KafkaUser", s.service());
            if (user.isEmpty()) {
                v.add(s.service() + ": no KafkaUser " + s.service() + " although Kafka authorizes clients");
                continue;
            }
            for (ServiceProperties.TopicUse use : s.topics()) {
                boolean ok = switch (use.use()) {
                    case READ -> allowed(user.get(), "topic", use.topic(), "Read");
                    case WRITE -> allowed(user.get(), "topic", use.topic(), "Write");
                    case UNKNOWN ->
                        allowed(user.get(), "topic", use.topic(), "Read")
                                || allowed(user.get(), "topic", use.topic(), "Write");
                };
                if (!ok) {
                    v.add(use + ": KafkaUser " + s.service() + " may not "
                            + (use.use() == ServiceProperties.Use.UNKNOWN
                                    ? "read or write"
                                    : use.use().name().toLowerCase())
                            + " topic " + use.topic());
                }
            }
            for (String group : s.consumerGroups()) {
                if (!allowed(user.get(), "group", group, "Read")) {
                    v.add(s.service() + ": KafkaUser " + s.service() + " may not use consumer group " + group);
                }
            }
        }
        return v;
    }
}
