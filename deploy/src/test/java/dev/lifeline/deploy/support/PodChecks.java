package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SecretChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/** Pods: hardened Deployments, health and metrics on the management port, which only Prometheus reaches, and the Service, ServiceAccount and NetworkPolicy of each service. Part of {@link DeployChecks}. */
public final class PodChecks {

    private PodChecks() {}

    static List<Deployment> deployments(Rendered r) {
        return r.typed("Deployment", Deployment.class);
    }

    static boolean isService(Deployment d) {
        return SERVICE_COMPONENT.equals(
                label(d.getSpec().getTemplate().getMetadata().getLabels(), "app.kubernetes.io/component"));
    }

    static String label(Map<String, String> labels, String key) {
        return labels == null ? null : labels.get(key);
    }

    static List<Container> allContainers(PodSpec pod) {
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
    static Object probePort(Probe p) {
        if (p.getHttpGet() == null || p.getHttpGet().getPort() == null) {
            return null;
        }
        return p.getHttpGet().getPort().getStrVal() != null
                ? p.getHttpGet().getPort().getStrVal()
                : p.getHttpGet().getPort().getIntVal();
    }

    static Integer containerPort(Container c, String name) {
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
    static boolean servesManagementPort(ObjectNode service) {
        for (JsonNode sp : iterable(at(service, "spec", "ports"))) {
            if (MANAGEMENT_PORT_NAME.equals(text(sp, "name")) && leadsToManagement(sp)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Service port leads to the pods' management port (targetPort management, or 9000). */
    static boolean leadsToManagement(JsonNode servicePort) {
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
    static boolean admitsManagementPort(JsonNode rule) {
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

    /** An in-cluster URL in a service's settings: http://<Service>[.<namespace>...]:<port>[/path]. */
    private static final Pattern IN_CLUSTER_URL =
            Pattern.compile("https?://([a-z0-9-]+)(\\.[a-z0-9.-]+)?:(\\d+)(/.*)?");

    /**
     * Every call one service makes to another (a setting whose value is http://&lt;Service&gt;:&lt;port&gt;, e.g.
     * console-service's LIFELINE_MONITOR_URL) is let out by the caller's NetworkPolicies and let in by the
     * callee's, on the port the Service leads to: with default-deny on both sides, a missing rule on either end
     * is a console (or subject access request) that fails only in the cluster.
     */
    public static List<String> inClusterCallsAdmitted(Rendered r) {
        List<String> v = new ArrayList<>();
        List<ObjectNode> policies = r.ofKind("NetworkPolicy").toList();
        for (Deployment caller : deployments(r)) {
            if (!isService(caller)) {
                continue;
            }
            String who = "Deployment/" + caller.getMetadata().getName();
            JsonNode callerLabels = Json.TREE.valueToTree(
                    caller.getSpec().getTemplate().getMetadata().getLabels());
            plainEnv(r, mainContainer(caller)).forEach((name, value) -> {
                Matcher m = IN_CLUSTER_URL.matcher(value);
                if (!m.matches()) {
                    return;
                }
                Optional<ObjectNode> svc = r.find("Service", m.group(1));
                if (svc.isEmpty()) {
                    return; // outside the overlay (e.g. the OpenTelemetry collector in its own namespace)
                }
                JsonNode servicePort = null;
                for (JsonNode sp : iterable(at(svc.get(), "spec", "ports"))) {
                    if (m.group(3).equals(sp.path("port").asText())) {
                        servicePort = sp;
                    }
                }
                if (servicePort == null) {
                    v.add(who + ": " + name + " calls " + m.group(1) + " on " + m.group(3) + ", a port Service "
                            + m.group(1) + " does not have");
                    return;
                }
                JsonNode target =
                        servicePort.has("targetPort") ? servicePort.get("targetPort") : servicePort.get("port");
                for (Deployment callee : deployments(r)) {
                    JsonNode calleeLabels = Json.TREE.valueToTree(
                            callee.getSpec().getTemplate().getMetadata().getLabels());
                    if (!matches(at(svc.get(), "spec", "selector"), calleeLabels)) {
                        continue;
                    }
                    Container c = mainContainer(callee);
                    // the container port the call arrives on, by name and number
                    String portName = target.isTextual() ? target.asText() : null;
                    Integer portNumber = target.isTextual() ? containerPort(c, target.asText()) : target.asInt();
                    if (portName == null && c.getPorts() != null) {
                        portName = c.getPorts().stream()
                                .filter(p -> Objects.equals(p.getContainerPort(), portNumber))
                                .map(p -> p.getName())
                                .findFirst()
                                .orElse(null);
                    }
                    String callPort = portName;
                    boolean out = policies.stream()
                            .filter(p -> selects(p, callerLabels))
                            .anyMatch(p -> admits(p, "egress", "to", calleeLabels, callPort, portNumber));
                    boolean in = policies.stream()
                            .filter(p -> selects(p, calleeLabels))
                            .anyMatch(p -> admits(p, "ingress", "from", callerLabels, callPort, portNumber));
                    String call = who + ": " + name + " calls "
                            + callee.getMetadata().getName() + " on " + (portName != null ? portName : portNumber);
                    if (!out) {
                        v.add(call + ", but no NetworkPolicy of the caller lets it out");
                    }
                    if (!in) {
                        v.add(call + ", but no NetworkPolicy of "
                                + callee.getMetadata().getName() + " lets it in");
                    }
                }
            });
        }
        return v;
    }

    private static boolean selects(ObjectNode policy, JsonNode podLabels) {
        JsonNode sel = at(policy, "spec", "podSelector");
        return sel == null || sel.size() == 0 || matchesSelector(sel, podLabels);
    }

    /** Whether a rule of a policy's egress (peers "to") or ingress ("from") lets pods with these labels through. */
    private static boolean admits(
            ObjectNode policy, String direction, String peers, JsonNode peerLabels, String portName, Integer port) {
        for (JsonNode rule : iterable(at(policy, "spec", direction))) {
            boolean portOk = !rule.has("ports") || rule.get("ports").isEmpty();
            for (JsonNode pt : iterable(rule.get("ports"))) {
                JsonNode p = pt.get("port");
                portOk |= p == null
                        || (p.isTextual() && p.asText().equals(portName))
                        || (p.isInt() && port != null && p.asInt() == port);
            }
            boolean peerOk = !rule.has(peers) || rule.get(peers).isEmpty();
            for (JsonNode peer : iterable(rule.get(peers))) {
                peerOk |= !peer.has("namespaceSelector")
                        && !peer.has("ipBlock")
                        && matchesSelector(peer.get("podSelector"), peerLabels);
            }
            if (portOk && peerOk) {
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
}
