package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.Rendered.id;

/**
 * Lifeline's deployment invariants, each a function from a rendered overlay (and the services'
 * application.properties) to a list of violations: empty means the invariant holds.
 * "Services" are the Deployments labelled app.kubernetes.io/component=service.
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
        out.put("referenced Secrets exist as templates or operator outputs", secretsReferencedExist(r));
        out.put("committed Secrets hold no real secrets", secretsHoldNoRealValues(r));
        out.put("referenced ConfigMaps exist", configMapsReferencedExist(r));
        out.put("topics used by the services exist", topicsUsedExist(r, services));
        out.put("topics are well-formed", topicsWellFormed(r));
        out.put("Strimzi resources belong to the Kafka cluster", strimziClusterLabels(r));
        out.put("Kafka clients match a listener", kafkaClientsMatchListeners(r));
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

    // ------------------------------------------------------------------ pods

    private static List<Deployment> deployments(Rendered r) {
        return r.typed("Deployment", Deployment.class);
    }

    private static boolean isService(Deployment d) {
        return SERVICE_COMPONENT.equals(
                label(d.getSpec().getTemplate().getMetadata().getLabels(), "app.kubernetes.io/component"));
    }

    private static String label(Map<String, String> labels, String key) {
        return labels == null ? null : labels.get(key);
    }

    private static List<Container> allContainers(PodSpec pod) {
        List<Container> all = new ArrayList<>();
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        all.addAll(pod.getContainers());
        return all;
    }

    public static List<String> deploymentsHardened(Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            String who = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            if (Boolean.TRUE.equals(pod.getHostNetwork())
                    || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                v.add(who + ": uses host namespaces");
            }
            boolean podSeccomp = psc != null
                    && psc.getSeccompProfile() != null
                    && "RuntimeDefault".equals(psc.getSeccompProfile().getType());
            for (Container c : allContainers(pod)) {
                String cw = who + " container " + c.getName();
                boolean init = pod.getInitContainers() != null
                        && pod.getInitContainers().contains(c);
                if (!init) {
                    if (c.getStartupProbe() == null) {
                        v.add(cw + ": no startupProbe");
                    }
                    if (c.getLivenessProbe() == null) {
                        v.add(cw + ": no livenessProbe");
                    }
                    if (c.getReadinessProbe() == null) {
                        v.add(cw + ": no readinessProbe");
                    }
                }
                Map<String, Quantity> limits =
                        c.getResources() == null ? null : c.getResources().getLimits();
                Map<String, Quantity> requests =
                        c.getResources() == null ? null : c.getResources().getRequests();
                for (String res : List.of("cpu", "memory")) {
                    Quantity limit = limits == null ? null : limits.get(res);
                    Quantity request = requests == null ? null : requests.get(res);
                    if (limit == null) {
                        v.add(cw + ": no " + res + " limit");
                    }
                    if (request == null) {
                        v.add(cw + ": no " + res + " request");
                    }
                    if (limit != null
                            && request != null
                            && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        v.add(cw + ": " + res + " request " + request + " exceeds its limit " + limit);
                    }
                }
                SecurityContext sc = c.getSecurityContext();
                Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null
                        ? sc.getRunAsNonRoot()
                        : psc == null ? null : psc.getRunAsNonRoot();
                Long uid = sc != null && sc.getRunAsUser() != null
                        ? sc.getRunAsUser()
                        : psc == null ? null : psc.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    v.add(cw + ": runAsNonRoot is not true");
                }
                if (uid != null && uid == 0L) {
                    v.add(cw + ": runs as uid 0");
                }
                if (sc == null) {
                    v.add(cw + ": no securityContext");
                    continue;
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    v.add(cw + ": allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    v.add(cw + ": privileged");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    v.add(cw + ": readOnlyRootFilesystem is not true");
                }
                if (sc.getCapabilities() == null
                        || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    v.add(cw + ": capabilities do not drop ALL");
                }
                if (sc.getCapabilities() != null
                        && sc.getCapabilities().getAdd() != null
                        && !sc.getCapabilities().getAdd().isEmpty()) {
                    v.add(cw + ": adds capabilities " + sc.getCapabilities().getAdd());
                }
                boolean seccomp = sc.getSeccompProfile() != null
                        ? "RuntimeDefault".equals(sc.getSeccompProfile().getType())
                        : podSeccomp;
                if (!seccomp) {
                    v.add(cw + ": seccompProfile is not RuntimeDefault");
                }
            }
        }
        return v;
    }

    /** A probe's port as written: its name, or its number. */
    private static Object probePort(Probe p) {
        if (p.getHttpGet() == null || p.getHttpGet().getPort() == null) {
            return null;
        }
        return p.getHttpGet().getPort().getStrVal() != null
                ? p.getHttpGet().getPort().getStrVal()
                : p.getHttpGet().getPort().getIntVal();
    }

    private static Integer containerPort(Container c, String name) {
        return c.getPorts() == null
                ? null
                : c.getPorts().stream()
                        .filter(p -> name.equals(p.getName()))
                        .map(p -> p.getContainerPort())
                        .findFirst()
                        .orElse(null);
    }

    /**
     * Health and metrics answer only on the management port, so that is where the probes and the scrapers go:
     * a probe on the API port would get 404 and restart a healthy pod; a scrape there would find no metrics.
     */
    public static List<String> serviceHealthAndMetrics(Rendered r) {
        List<String> v = new ArrayList<>();
        List<ObjectNode> serviceMonitors = r.ofKind("ServiceMonitor").toList();
        for (Deployment d : deployments(r)) {
            if (!isService(d)) {
                continue;
            }
            String name = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(x -> name.equals(x.getName()))
                    .findFirst()
                    .orElse(null);
            if (c == null) {
                v.add("Deployment/" + name + ": no container named " + name);
                continue;
            }
            Integer httpPort = containerPort(c, HTTP_PORT_NAME);
            if (!Objects.equals(httpPort, HTTP_PORT)) {
                v.add("Deployment/" + name + ": container port 'http' is " + httpPort + ", Quarkus listens on "
                        + HTTP_PORT);
            }
            Integer managementPort = containerPort(c, MANAGEMENT_PORT_NAME);
            if (!Objects.equals(managementPort, MANAGEMENT_PORT)) {
                v.add("Deployment/" + name + ": container port 'management' is " + managementPort
                        + ", Quarkus serves health and metrics on " + MANAGEMENT_PORT);
            }
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("startup", c.getStartupProbe());
            probes.put("liveness", c.getLivenessProbe());
            probes.put("readiness", c.getReadinessProbe());
            probes.forEach((kind, p) -> {
                if (p == null) {
                    return;
                }
                String path = p.getHttpGet() == null ? null : p.getHttpGet().getPath();
                Object port = probePort(p);
                if (!HEALTH.get(kind).equals(path)) {
                    v.add("Deployment/" + name + ": " + kind + " probe is " + path + ", expected " + HEALTH.get(kind));
                }
                if (!MANAGEMENT_PORT_NAME.equals(port) && !Objects.equals(port, MANAGEMENT_PORT)) {
                    v.add("Deployment/" + name + ": " + kind + " probe port " + port + " is not the management port "
                            + "(health answers only on " + MANAGEMENT_PORT + ")");
                }
            });
            Map<String, String> ann = d.getSpec().getTemplate().getMetadata().getAnnotations();
            boolean scrapeAnnotated = ann != null && "true".equals(ann.get("prometheus.io/scrape"));
            boolean annotated = scrapeAnnotated
                    && METRICS_PATH.equals(ann.get("prometheus.io/path"))
                    && String.valueOf(MANAGEMENT_PORT).equals(ann.get("prometheus.io/port"));
            if (scrapeAnnotated && !String.valueOf(MANAGEMENT_PORT).equals(ann.get("prometheus.io/port"))) {
                v.add("Deployment/" + name + ": prometheus.io/port is " + ann.get("prometheus.io/port")
                        + ", metrics answer only on the management port " + MANAGEMENT_PORT);
            }
            boolean monitored = false;
            Optional<ObjectNode> svc = r.find("Service", name);
            for (ObjectNode sm : serviceMonitors) {
                JsonNode selector = at(sm, "spec", "selector", "matchLabels");
                if (selector == null || svc.isEmpty() || !matches(selector, at(svc.get(), "metadata", "labels"))) {
                    continue;
                }
                for (JsonNode ep : iterable(at(sm, "spec", "endpoints"))) {
                    if (!METRICS_PATH.equals(text(ep, "path"))) {
                        continue;
                    }
                    if (!MANAGEMENT_PORT_NAME.equals(text(ep, "port"))) {
                        v.add(id(sm) + ": scrapes Service/" + name + " on port " + text(ep, "port")
                                + ", metrics answer only on its management port");
                    } else if (!servesManagementPort(svc.get())) {
                        v.add("Service/" + name + ": no port 'management' (targetPort management or " + MANAGEMENT_PORT
                                + ") for " + id(sm) + " to scrape");
                    } else {
                        monitored = true;
                    }
                }
            }
            if (!annotated && !monitored) {
                v.add("Deployment/" + name + ": metrics are not scraped on the management port (no prometheus.io "
                        + "annotations for " + METRICS_PATH + " on " + MANAGEMENT_PORT
                        + " and no ServiceMonitor endpoint on port management)");
            }
        }
        return v;
    }

    /** Whether a Service has a port named management that leads to the pods' management port. */
    private static boolean servesManagementPort(ObjectNode service) {
        for (JsonNode sp : iterable(at(service, "spec", "ports"))) {
            if (MANAGEMENT_PORT_NAME.equals(text(sp, "name")) && leadsToManagement(sp)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Service port leads to the pods' management port (targetPort management, or 9000). */
    private static boolean leadsToManagement(JsonNode servicePort) {
        JsonNode target = servicePort.has("targetPort") ? servicePort.get("targetPort") : servicePort.get("port");
        return target != null && (MANAGEMENT_PORT_NAME.equals(target.asText()) || target.asInt() == MANAGEMENT_PORT);
    }

    /**
     * The management port (health, metrics) is for Prometheus, from its namespace, and nobody else: no
     * NetworkPolicy rule that admits it may admit another peer (the ingress controller, another namespace, an
     * IP range, everyone). The kubelet's probes need no rule: a NetworkPolicy always allows traffic from the
     * pod's own node. And some rule must admit Prometheus, or nothing scrapes the services.
     */
    public static List<String> managementPortPrivate(Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            if (!isService(d)) {
                continue;
            }
            String name = d.getMetadata().getName();
            JsonNode podLabels = Json.TREE.valueToTree(
                    d.getSpec().getTemplate().getMetadata().getLabels());
            boolean prometheus = false;
            for (ObjectNode p : r.ofKind("NetworkPolicy").toList()) {
                JsonNode sel = at(p, "spec", "podSelector");
                if (!(sel == null || sel.size() == 0 || matchesSelector(sel, podLabels))) {
                    continue;
                }
                for (JsonNode rule : iterable(at(p, "spec", "ingress"))) {
                    if (!admitsManagementPort(rule)) {
                        continue;
                    }
                    if (rule.get("from") == null || rule.get("from").isEmpty()) {
                        v.add(id(p) + ": lets anyone reach the management port of " + name + " (health, metrics)");
                        continue;
                    }
                    for (JsonNode peer : iterable(rule.get("from"))) {
                        boolean monitoring = peer.has("namespaceSelector")
                                && !peer.has("ipBlock")
                                && MONITORING_NAMESPACE.equals(
                                        text(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
                        if (monitoring) {
                            prometheus = true;
                        } else {
                            v.add(id(p) + ": lets " + peer + " reach the management port of " + name
                                    + " (health, metrics); only namespace " + MONITORING_NAMESPACE + " may");
                        }
                    }
                }
            }
            if (!prometheus) {
                v.add("Deployment/" + name + ": no NetworkPolicy lets Prometheus (namespace " + MONITORING_NAMESPACE
                        + ") reach its management port");
            }
        }
        return v;
    }

    /** Whether a NetworkPolicy ingress rule admits the management port: by name, by number or range, or all ports. */
    private static boolean admitsManagementPort(JsonNode rule) {
        if (!rule.has("ports") || rule.get("ports").isEmpty()) {
            return true;
        }
        for (JsonNode pt : iterable(rule.get("ports"))) {
            JsonNode port = pt.get("port");
            if (port == null) {
                return true;
            }
            int from = port.asInt(-1);
            int to = pt.has("endPort") ? pt.get("endPort").asInt() : from;
            if (MANAGEMENT_PORT_NAME.equals(port.asText()) || (from <= MANAGEMENT_PORT && MANAGEMENT_PORT <= to)) {
                return true;
            }
        }
        return false;
    }

    public static List<String> servicesWired(Rendered r) {
        List<String> v = new ArrayList<>();
        List<ObjectNode> policies = r.ofKind("NetworkPolicy").toList();
        for (Deployment d : deployments(r)) {
            String name = d.getMetadata().getName();
            JsonNode podLabels = Json.TREE.valueToTree(
                    d.getSpec().getTemplate().getMetadata().getLabels());
            String sa = d.getSpec().getTemplate().getSpec().getServiceAccountName();
            if (isService(d)) {
                if (sa == null || r.find("ServiceAccount", sa).isEmpty()) {
                    v.add("Deployment/" + name + ": ServiceAccount " + sa + " does not exist");
                }
                if (!Boolean.FALSE.equals(d.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())) {
                    v.add("Deployment/" + name + ": mounts a Kubernetes API token it does not need");
                }
            }
            boolean hasService = r.ofKind("Service").anyMatch(s -> {
                JsonNode sel = at(s, "spec", "selector");
                return sel != null && sel.size() > 0 && matches(sel, podLabels);
            });
            if (!hasService) {
                v.add("Deployment/" + name + ": no Service selects its pods");
            }
            Set<String> types = new LinkedHashSet<>();
            for (ObjectNode p : policies) {
                JsonNode sel = at(p, "spec", "podSelector");
                boolean selects = sel == null || sel.size() == 0 || matchesSelector(sel, podLabels);
                if (selects) {
                    for (JsonNode t : iterable(at(p, "spec", "policyTypes"))) {
                        types.add(t.asText());
                    }
                }
            }
            if (!types.contains("Ingress")) {
                v.add("Deployment/" + name + ": no NetworkPolicy restricts its ingress");
            }
            if (isService(d) && !types.contains("Egress")) {
                v.add("Deployment/" + name + ": no NetworkPolicy restricts its egress");
            }
        }
        return v;
    }

    // ------------------------------------------------------------------ Secrets and ConfigMaps

    /** A Secret a manifest uses: who, which Secret, which key (null: the whole Secret). */
    record SecretRef(String user, String secret, String key) {}

    static List<SecretRef> secretRefs(Rendered r) {
        List<SecretRef> refs = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            String who = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : allContainers(pod)) {
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        refs.add(new SecretRef(
                                who + " env " + e.getName(),
                                e.getValueFrom().getSecretKeyRef().getName(),
                                e.getValueFrom().getSecretKeyRef().getKey()));
                    }
                }
                for (EnvFromSource e : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (e.getSecretRef() != null) {
                        refs.add(
                                new SecretRef(who + " envFrom", e.getSecretRef().getName(), null));
                    }
                }
            }
            for (Volume vol : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (vol.getSecret() != null) {
                    if (vol.getSecret().getItems() == null
                            || vol.getSecret().getItems().isEmpty()) {
                        refs.add(new SecretRef(
                                who + " volume " + vol.getName(),
                                vol.getSecret().getSecretName(),
                                null));
                    } else {
                        vol.getSecret()
                                .getItems()
                                .forEach(i -> refs.add(new SecretRef(
                                        who + " volume " + vol.getName(),
                                        vol.getSecret().getSecretName(),
                                        i.getKey())));
                    }
                }
            }
            Optional.ofNullable(pod.getImagePullSecrets())
                    .orElse(List.of())
                    .forEach(s -> refs.add(new SecretRef(who + " imagePullSecrets", s.getName(), null)));
        }
        r.ofKind("Ingress").forEach(i -> {
            for (JsonNode tls : iterable(at(i, "spec", "tls"))) {
                if (text(tls, "secretName") != null) {
                    refs.add(new SecretRef(id(i) + " tls", text(tls, "secretName"), null));
                }
            }
        });
        r.ofKind("Cluster").forEach(c -> {
            String s = text(c, "spec", "bootstrap", "initdb", "secret", "name");
            if (s != null) {
                refs.add(new SecretRef(id(c) + " bootstrap.initdb.secret", s, "password"));
            }
        });
        r.ofKind("KafkaUser").forEach(u -> {
            JsonNode ref = at(u, "spec", "authentication", "password", "valueFrom", "secretKeyRef");
            if (ref != null) {
                refs.add(new SecretRef(id(u) + " password", text(ref, "name"), text(ref, "key")));
            }
        });
        return refs;
    }

    /** The Secrets that will exist, with their keys (null: any key). */
    static Map<String, Set<String>> secretsProvided(Rendered r) {
        Map<String, Set<String>> provided = new HashMap<>();
        Stream.concat(r.ofKind("Secret"), r.secretTemplates().stream().filter(o -> "Secret".equals(text(o, "kind"))))
                .forEach(s -> {
                    Set<String> keys = new LinkedHashSet<>();
                    for (String field : List.of("data", "stringData")) {
                        JsonNode m = s.get(field);
                        if (m != null) {
                            m.fieldNames().forEachRemaining(keys::add);
                        }
                    }
                    provided.put(text(s, "metadata", "name"), keys);
                });
        // CloudNativePG: <cluster>-app holds the owner role's credentials.
        r.ofKind("Cluster").forEach(c -> provided.put(text(c, "metadata", "name") + "-app", CNPG_APP_SECRET_KEYS));
        // Strimzi: <kafka>-cluster-ca-cert, and a Secret named after each KafkaUser.
        r.ofKind("Kafka").forEach(k -> {
            provided.put(text(k, "metadata", "name") + "-cluster-ca-cert", KAFKA_CA_SECRET_KEYS);
            provided.put(text(k, "metadata", "name") + "-clients-ca-cert", KAFKA_CA_SECRET_KEYS);
        });
        r.ofKind("KafkaUser")
                .forEach(u -> provided.put(
                        text(u, "metadata", "name"),
                        "scram-sha-512".equals(text(u, "spec", "authentication", "type"))
                                ? KAFKA_SCRAM_USER_SECRET_KEYS
                                : KAFKA_TLS_USER_SECRET_KEYS));
        // cert-manager: the TLS Secrets of Ingresses it is asked to issue for.
        r.ofKind("Ingress").forEach(i -> {
            JsonNode ann = at(i, "metadata", "annotations");
            if (ann != null && (ann.has("cert-manager.io/cluster-issuer") || ann.has("cert-manager.io/issuer"))) {
                for (JsonNode tls : iterable(at(i, "spec", "tls"))) {
                    provided.put(text(tls, "secretName"), Set.of("tls.crt", "tls.key", "ca.crt"));
                }
            }
        });
        return provided;
    }

    public static List<String> secretsReferencedExist(Rendered r) {
        List<String> v = new ArrayList<>();
        Map<String, Set<String>> provided = secretsProvided(r);
        for (SecretRef ref : secretRefs(r)) {
            Set<String> keys = provided.get(ref.secret());
            if (keys == null) {
                v.add(ref.user() + " uses Secret " + ref.secret() + ", which is neither in the overlay, nor in its "
                        + "secret-templates, nor created by an operator (CloudNativePG, Strimzi, cert-manager)");
            } else if (ref.key() != null && !keys.contains(ref.key())) {
                v.add(ref.user() + " uses key '" + ref.key() + "' of Secret " + ref.secret() + ", which has only "
                        + keys);
            }
        }
        return v;
    }

    public static List<String> secretsHoldNoRealValues(Rendered r) {
        List<String> v = new ArrayList<>();
        BiFunction<ObjectNode, String, List<String>> check = (s, rule) -> {
            List<String> out = new ArrayList<>();
            if (s.has("data")) {
                out.add(id(s) + ": uses base64 'data'; committed Secrets use readable 'stringData'");
            }
            JsonNode sd = s.get("stringData");
            if (sd != null) {
                sd.fields().forEachRemaining(e -> {
                    String value = e.getValue().asText();
                    boolean ok = rule.equals("template")
                            ? value.equals(PLACEHOLDER)
                            : value.isEmpty() || value.startsWith(DEV_VALUE_PREFIX);
                    if (!ok) {
                        out.add(id(s) + " key " + e.getKey() + ": "
                                + (rule.equals("template")
                                        ? "a template value must be " + PLACEHOLDER
                                        : "a committed value must be empty or start with '" + DEV_VALUE_PREFIX + "'"));
                    }
                });
            }
            return out;
        };
        r.secretTemplates().stream()
                .filter(o -> "Secret".equals(text(o, "kind")))
                .forEach(s -> v.addAll(check.apply(s, "template")));
        boolean usesTemplates = !r.secretTemplates().isEmpty();
        r.ofKind("Secret").forEach(s -> {
            if (usesTemplates) {
                v.add(
                        id(s)
                                + ": this overlay takes its Secrets from secret-templates; applying it must not overwrite them");
            }
            v.addAll(check.apply(s, "dev"));
        });
        return v;
    }

    public static List<String> configMapsReferencedExist(Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            String who = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : allContainers(pod)) {
                for (EnvFromSource e : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (e.getConfigMapRef() != null
                            && r.find("ConfigMap", e.getConfigMapRef().getName())
                                    .isEmpty()) {
                        v.add(who + ": ConfigMap " + e.getConfigMapRef().getName() + " does not exist");
                    }
                }
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                        String cm = e.getValueFrom().getConfigMapKeyRef().getName();
                        String key = e.getValueFrom().getConfigMapKeyRef().getKey();
                        if (r.find("ConfigMap", cm)
                                .map(o -> at(o, "data", key) == null)
                                .orElse(true)) {
                            v.add(who + ": ConfigMap " + cm + " key " + key + " does not exist");
                        }
                    }
                }
            }
            for (Volume vol : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (vol.getConfigMap() != null
                        && r.find("ConfigMap", vol.getConfigMap().getName()).isEmpty()) {
                    v.add(who + ": ConfigMap " + vol.getConfigMap().getName() + " does not exist");
                }
            }
        }
        return v;
    }

    // ------------------------------------------------------------------ Kafka

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

    private static Container mainContainer(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> d.getMetadata().getName().equals(c.getName()))
                .findFirst()
                .orElse(d.getSpec().getTemplate().getSpec().getContainers().get(0));
    }

    public static List<String> kafkaClientsMatchListeners(Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            if (!isService(d)) {
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

    // ------------------------------------------------------------------ databases

    public static List<String> databasesIsolated(Rendered r) {
        List<String> v = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (Deployment d : deployments(r)) {
            if (!isService(d)) {
                continue;
            }
            String svc = d.getMetadata().getName();
            String who = "Deployment/" + svc;
            Container c = mainContainer(d);
            String url = plainEnv(r, c).get("QUARKUS_DATASOURCE_JDBC_URL");
            Matcher m = url == null
                    ? null
                    : Pattern.compile(
                                    "jdbc:postgresql://([a-z0-9-]+)-rw(\\.[a-z0-9.-]+)?(:\\d+)?/([A-Za-z0-9_]+)(\\?.*)?")
                            .matcher(url);
            if (m == null || !m.matches()) {
                v.add(who + ": QUARKUS_DATASOURCE_JDBC_URL " + url
                        + " is not jdbc:postgresql://<cluster>-rw:5432/<db>");
                continue;
            }
            String cluster = m.group(1);
            Optional<ObjectNode> db = r.find("Cluster", cluster);
            if (db.isEmpty()) {
                v.add(who + ": database cluster " + cluster + " is not in the overlay");
                continue;
            }
            if (!m.group(4).equals(text(db.get(), "spec", "bootstrap", "initdb", "database"))) {
                v.add(who + ": database " + m.group(4) + " is not the one Cluster " + cluster + " creates");
            }
            String previous = owner.put(cluster, svc);
            if (previous != null) {
                v.add("Cluster " + cluster + " is shared by " + previous + " and " + svc);
            }
            for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                String secret = envVar(c, var)
                        .map(e -> e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null
                                ? null
                                : e.getValueFrom().getSecretKeyRef().getName())
                        .orElse(null);
                if (!(cluster + "-app").equals(secret)) {
                    v.add(who + ": " + var + " must come from Secret " + cluster + "-app, not " + secret);
                }
            }
            // The service's egress reaches its own database...
            JsonNode podLabels = Json.TREE.valueToTree(
                    d.getSpec().getTemplate().getMetadata().getLabels());
            if (!egressAllows(r, podLabels, "cnpg.io/cluster", cluster, 5432)) {
                v.add(who + ": no NetworkPolicy lets it reach its database " + cluster + " on 5432");
            }
            // ...and no other database...
            r.ofKind("NetworkPolicy")
                    .filter(p -> matchesSelector(at(p, "spec", "podSelector"), podLabels))
                    .forEach(p -> {
                        for (JsonNode rule : iterable(at(p, "spec", "egress"))) {
                            for (JsonNode peer : iterable(rule.get("to"))) {
                                String target = text(peer, "podSelector", "matchLabels", "cnpg.io/cluster");
                                if (target != null && !target.equals(cluster)) {
                                    v.add(id(p) + ": lets " + svc + " reach database " + target);
                                }
                            }
                            if (rule.get("to") == null && !rule.has("ports")) {
                                v.add(id(p) + ": allows " + svc + " all egress");
                            }
                        }
                    });
        }
        // ...and each database accepts connections from its owner only.
        r.ofKind("Cluster").forEach(db -> {
            String cluster = text(db, "metadata", "name");
            String svc = owner.get(cluster);
            List<ObjectNode> policies = r.ofKind("NetworkPolicy")
                    .filter(p -> cluster.equals(text(p, "spec", "podSelector", "matchLabels", "cnpg.io/cluster")))
                    .toList();
            if (policies.isEmpty()) {
                v.add("Cluster " + cluster + ": no NetworkPolicy limits who connects to it");
            }
            for (ObjectNode p : policies) {
                for (JsonNode rule : iterable(at(p, "spec", "ingress"))) {
                    boolean toPostgres = !rule.has("ports");
                    for (JsonNode port : iterable(rule.get("ports"))) {
                        toPostgres |= port.path("port").asInt() == 5432;
                    }
                    if (!toPostgres) {
                        continue;
                    }
                    if (rule.get("from") == null) {
                        v.add(id(p) + ": lets anyone connect to " + cluster);
                    }
                    for (JsonNode peer : iterable(rule.get("from"))) {
                        String app = text(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
                        String sameCluster = text(peer, "podSelector", "matchLabels", "cnpg.io/cluster");
                        String operatorNs =
                                text(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
                        boolean ok = (app != null && app.equals(svc) && !peer.has("namespaceSelector"))
                                || (cluster.equals(sameCluster) && !peer.has("namespaceSelector"))
                                || ("cnpg-system".equals(operatorNs)
                                        && "cloudnative-pg"
                                                .equals(text(
                                                        peer, "podSelector", "matchLabels", "app.kubernetes.io/name")));
                        if (!ok) {
                            v.add(id(p) + ": lets " + peer + " connect to " + cluster + " (owner: " + svc + ")");
                        }
                    }
                }
            }
        });
        return v;
    }

    // ------------------------------------------------------------------ scaling

    public static List<String> scaling(Rendered r) {
        List<String> v = new ArrayList<>();
        for (Deployment d : deployments(r)) {
            String name = d.getMetadata().getName();
            String who = "Deployment/" + name;
            Optional<ObjectNode> hpa = r.ofKind("HorizontalPodAutoscaler")
                    .filter(h -> "Deployment".equals(text(h, "spec", "scaleTargetRef", "kind"))
                            && name.equals(text(h, "spec", "scaleTargetRef", "name")))
                    .findFirst();
            JsonNode podLabels = Json.TREE.valueToTree(
                    d.getSpec().getTemplate().getMetadata().getLabels());
            boolean pdb = r.ofKind("PodDisruptionBudget")
                    .anyMatch(p -> matchesSelector(at(p, "spec", "selector"), podLabels));
            if (hpa.isPresent()) {
                if (d.getSpec().getReplicas() != null) {
                    v.add(who + ": has spec.replicas and an HPA; every `kubectl apply` would reset the HPA's choice");
                }
                if (at(hpa.get(), "spec", "minReplicas") == null
                        || at(hpa.get(), "spec", "minReplicas").asInt() < 2) {
                    v.add(id(hpa.get()) + ": minReplicas < 2 leaves the service down while its one pod restarts");
                }
                if (!pdb) {
                    v.add(who + ": scaled by an HPA but no PodDisruptionBudget protects it");
                }
                if (d.getSpec().getTemplate().getSpec().getAffinity() == null
                        || d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity() == null) {
                    v.add(who + ": several replicas but no podAntiAffinity to keep them on different nodes");
                }
            } else if (d.getSpec().getReplicas() == null) {
                v.add(who + ": neither an HPA nor an explicit spec.replicas");
            }
        }
        r.ofKind("HorizontalPodAutoscaler").forEach(h -> {
            String target = text(h, "spec", "scaleTargetRef", "name");
            if (r.find(text(h, "spec", "scaleTargetRef", "kind"), target).isEmpty()) {
                v.add(id(h) + ": scales " + target + ", which does not exist");
            }
        });
        r.ofKind("PodDisruptionBudget").forEach(p -> {
            boolean selects = deployments(r).stream()
                    .anyMatch(d -> matchesSelector(
                            at(p, "spec", "selector"),
                            Json.TREE.valueToTree(
                                    d.getSpec().getTemplate().getMetadata().getLabels())));
            if (!selects) {
                v.add(id(p) + ": selects no Deployment's pods");
            }
        });
        return v;
    }

    /**
     * An HPA annotated lifeline.dev/scales-with-topic scales a consumer of that topic. A partition feeds one
     * consumer, and each pod runs as many consumers as its channel's {@code partitions} attribute says
     * (application.properties, default 1): pods beyond partitions / consumers-per-pod would idle, and an
     * HPA scaling on CPU would keep adding them.
     */
    public static List<String> hpaWithinPartitions(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        Map<String, ObjectNode> topics = topics(r);
        r.ofKind("HorizontalPodAutoscaler").forEach(h -> {
            String topic = text(h, "metadata", "annotations", SCALES_WITH_TOPIC);
            if (topic == null) {
                return;
            }
            ObjectNode t = topics.get(topic);
            if (t == null) {
                v.add(id(h) + ": " + SCALES_WITH_TOPIC + " names topic " + topic + ", which does not exist");
                return;
            }
            String target = text(h, "spec", "scaleTargetRef", "name");
            int perPod = services.stream()
                    .filter(s -> s.service().equals(target))
                    .findFirst()
                    .map(s -> s.consumersPerPod(topic))
                    .orElse(1);
            int partitions = at(t, "spec", "partitions").asInt();
            int max = at(h, "spec", "maxReplicas").asInt();
            if ((long) max * perPod > partitions) {
                v.add(id(h) + ": maxReplicas " + max + " x " + perPod + " consumer(s) per pod > " + partitions
                        + " partitions of " + topic + "; consumers beyond the partition count sit idle");
            }
        });
        return v;
    }

    // ------------------------------------------------------------------ ingress and images

    /** Never routed from outside: Quarkus' health, metrics and dev endpoints. */
    static final List<String> PRIVATE_PREFIXES = List.of("/q");

    public static List<String> ingress(Rendered r) {
        List<String> v = new ArrayList<>();
        r.ofKind("Ingress").forEach(i -> {
            for (JsonNode rule : iterable(at(i, "spec", "rules"))) {
                for (JsonNode p : iterable(at(rule, "http", "paths"))) {
                    String path = text(p, "path");
                    String type = text(p, "pathType");
                    if (!"Prefix".equals(type) && !"Exact".equals(type)) {
                        v.add(id(i) + " path " + path + ": pathType " + type
                                + " is controller-specific; use Prefix or Exact");
                    }
                    if (path == null
                            || path.equals("/")
                            || path.equals("/api")
                            || path.equals("/api/v1")
                            || PRIVATE_PREFIXES.stream()
                                    .anyMatch(x -> path.equals(x)
                                            || path.startsWith(x + "/")
                                            || x.startsWith(path.endsWith("/") ? path : path + "/"))) {
                        v.add(id(i) + " path " + path + ": exposes a non-public endpoint");
                    }
                    String svc = text(p, "backend", "service", "name");
                    String port = text(p, "backend", "service", "port", "name");
                    Optional<ObjectNode> s = r.find("Service", svc);
                    if (s.isEmpty()) {
                        v.add(id(i) + " path " + path + ": Service " + svc + " does not exist");
                        continue;
                    }
                    String number = text(p, "backend", "service", "port", "number");
                    String backendPort = port != null ? port : number;
                    JsonNode servicePort = null;
                    for (JsonNode sp : iterable(at(s.get(), "spec", "ports"))) {
                        if (Objects.equals(text(sp, "name"), port)
                                || Objects.equals(sp.path("port").asText(), number)) {
                            servicePort = sp;
                        }
                    }
                    // Health and metrics answer on the management port only; the Ingress makes whatever it routes to
                    // public.
                    if (MANAGEMENT_PORT_NAME.equals(port)
                            || String.valueOf(MANAGEMENT_PORT).equals(number)
                            || (servicePort != null
                                    && (servicePort.path("port").asInt() == MANAGEMENT_PORT
                                            || leadsToManagement(servicePort)))) {
                        v.add(id(i) + " path " + path + ": routes to port " + backendPort + " of Service " + svc
                                + ", the management port; that exposes health/metrics publicly");
                    } else if (servicePort == null) {
                        v.add(id(i) + " path " + path + ": Service " + svc + " has no port " + backendPort);
                    }
                }
            }
        });
        return v;
    }

    /**
     * The Quarkus build (container-image-jib) names a service's image [registry/]group/name:tag with
     * group = quarkus.container-image.group (default: the OS user name, so it must be set to "lifeline"),
     * name = quarkus.container-image.name (default: the application name), tag = quarkus.container-image.tag
     * (default: the application version, i.e. the Maven project version).
     */
    public static List<String> images(Rendered r, List<ServiceProperties> services, String version) {
        List<String> v = new ArrayList<>();
        Map<String, ServiceProperties> bySvc =
                services.stream().collect(Collectors.toMap(ServiceProperties::service, s -> s));
        for (Deployment d : deployments(r)) {
            if (!isService(d)) {
                continue;
            }
            String svc = d.getMetadata().getName();
            ServiceProperties props = bySvc.get(svc);
            String expected = "lifeline/" + svc + ":" + version;
            if (props != null) {
                Optional<String> group = props.get("quarkus.container-image.group");
                if (group.isEmpty() && props.buildsImage()) {
                    v.add(svc + ": application.properties does not set quarkus.container-image.group=lifeline; "
                            + "the Quarkus build would name the image after the OS user");
                }
                String name = props.get("quarkus.container-image.name")
                        .or(() -> props.get("quarkus.application.name"))
                        .orElse(svc);
                String tag = props.get("quarkus.container-image.tag")
                        .or(() -> props.get("quarkus.application.version"))
                        .orElse(version);
                expected = group.orElse("lifeline") + "/" + name + ":" + tag;
            }
            String image = mainContainer(d).getImage();
            if (image == null || !(image.equals(expected) || image.endsWith("/" + expected))) {
                v.add("Deployment/" + svc + ": image " + image + " is not [registry/]" + expected
                        + ", the image the Quarkus build produces");
            }
        }
        return v;
    }

    /**
     * What the manifests rely on in the running service: it listens on 8080 (QUARKUS_HTTP_PORT in the
     * manifest, else application.properties), its management interface is on, and it serves health and
     * metrics there, under /q, on 9000 (QUARKUS_MANAGEMENT_PORT in the manifest, else application.properties
     * as the prod profile sees it, else Quarkus' default 9000).
     */
    public static List<String> runtimeSettings(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        for (ServiceProperties props : services) {
            Optional<Deployment> dep = deployments(r).stream()
                    .filter(d -> d.getMetadata().getName().equals(props.service()))
                    .findFirst();
            if (dep.isEmpty()) {
                v.add(props.service() + ": has application.properties but no Deployment in overlay " + r.name());
                continue;
            }
            Map<String, String> env = plainEnv(r, mainContainer(dep.get()));
            String svc = props.service();
            String port = Optional.ofNullable(env.get("QUARKUS_HTTP_PORT"))
                    .orElse(props.get("quarkus.http.port").orElse(String.valueOf(HTTP_PORT)));
            if (!port.equals(String.valueOf(HTTP_PORT))) {
                v.add(svc + ": listens on " + port + " (quarkus.http.port / QUARKUS_HTTP_PORT) but the manifests "
                        + "route to " + HTTP_PORT);
            }
            // quarkus.management.enabled is fixed at build time: only application.properties decides it, and a
            // manifest's QUARKUS_MANAGEMENT_ENABLED would change nothing but mislead whoever reads it.
            if (!props.get("quarkus.management.enabled").orElse("false").equals("true")) {
                v.add(svc + ": the management interface is off (quarkus.management.enabled is not true in "
                        + "application.properties): health and metrics would answer on the API port " + HTTP_PORT
                        + ", where the manifests neither probe nor scrape them and the Ingress routes");
            }
            if (env.containsKey("QUARKUS_MANAGEMENT_ENABLED")) {
                v.add(svc + ": QUARKUS_MANAGEMENT_ENABLED in the manifests changes nothing; quarkus.management.enabled "
                        + "is fixed at build time (application.properties)");
            }
            String managementPort = Optional.ofNullable(env.get("QUARKUS_MANAGEMENT_PORT"))
                    .orElse(props.get("quarkus.management.port").orElse(String.valueOf(MANAGEMENT_PORT)));
            if (!managementPort.equals(String.valueOf(MANAGEMENT_PORT))) {
                v.add(svc + ": serves health and metrics on " + managementPort + " (quarkus.management.port, "
                        + "%prod.quarkus.management.port / QUARKUS_MANAGEMENT_PORT) but the manifests probe and scrape "
                        + MANAGEMENT_PORT);
            }
            props.get("quarkus.management.root-path")
                    .filter(p -> !p.equals("q") && !p.equals("/q"))
                    .ifPresent(p -> v.add(svc + ": quarkus.management.root-path=" + p
                            + " but the manifests use /q/health and /q/metrics"));
            props.get("quarkus.http.root-path")
                    .filter(p -> !p.equals("/"))
                    .ifPresent(p -> v.add(svc + ": quarkus.http.root-path=" + p + " but the manifests route from /"));
            props.get("quarkus.smallrye-health.root-path")
                    .filter(p -> !p.equals("health") && !p.equals("/q/health"))
                    .ifPresent(p ->
                            v.add(svc + ": quarkus.smallrye-health.root-path=" + p + " but the probes use /q/health"));
            props.get("quarkus.micrometer.export.prometheus.path")
                    .filter(p -> !p.equals("metrics") && !p.equals(METRICS_PATH))
                    .ifPresent(p -> v.add(svc + ": metrics are served at " + p + " but scraped at " + METRICS_PATH));
        }
        return v;
    }

    /**
     * Every setting a service needs from its environment (ServiceProperties#requiredFromEnvironment) is set,
     * and every connection setting that points at localhost (ServiceProperties#localhostSettings) is overridden.
     */
    public static List<String> requiredSettings(Rendered r, List<ServiceProperties> services) {
        List<String> v = new ArrayList<>();
        for (ServiceProperties props : services) {
            Optional<Deployment> dep = deployments(r).stream()
                    .filter(d -> d.getMetadata().getName().equals(props.service()))
                    .findFirst();
            if (dep.isEmpty()) {
                continue;
            }
            Set<String> names = envNames(r, mainContainer(dep.get()));
            props.localhostSettings().forEach((property, value) -> {
                if (!names.contains(ServiceProperties.envName(property))) {
                    v.add(props.service() + ": " + property + "=" + value + " points at localhost in the cluster; "
                            + "Deployment/" + props.service() + " must set " + ServiceProperties.envName(property));
                }
            });
            props.requiredFromEnvironment().forEach((property, variable) -> {
                if (!names.contains(ServiceProperties.envName(property))
                        && !names.contains(variable)
                        && !names.contains(ServiceProperties.envName(variable))) {
                    v.add(props.service() + ": " + property + " needs ${" + variable + "}, which Deployment/"
                            + props.service() + " does not set (set " + variable + " or "
                            + ServiceProperties.envName(property) + ")");
                }
            });
        }
        return v;
    }

    /** All environment variable names of a container: env, and the keys of envFrom ConfigMaps and Secrets. */
    static Set<String> envNames(Rendered r, Container c) {
        Set<String> names = new LinkedHashSet<>(plainEnv(r, c).keySet());
        Optional.ofNullable(c.getEnv()).orElse(List.of()).forEach(e -> names.add(e.getName()));
        Map<String, Set<String>> secrets = secretsProvided(r);
        for (EnvFromSource e : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (e.getSecretRef() != null && secrets.get(e.getSecretRef().getName()) != null) {
                names.addAll(secrets.get(e.getSecretRef().getName()));
            }
        }
        return names;
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
