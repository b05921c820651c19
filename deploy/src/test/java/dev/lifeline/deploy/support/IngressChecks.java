package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SecretChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/** Ingress: only public paths, to Services that exist, never to the management port. Part of {@link DeployChecks}. */
public final class IngressChecks {

    private IngressChecks() {}

    /** Never routed from outside: Quarkus' health, metrics and dev endpoints. */
    static final List<String> PRIVATE_PREFIXES = List.of("/q");

    /**
     * Services whose whole http port is public: a browser UI that signs its users in itself and serves no operator
     * or tenant API there (console-service, the owner's console). Such a service is routed from "/", so it gets a
     * host of its own that routes nothing else: on the shared host its "/" would take every path the others do not
     * route, and another service on its host could be shadowed or exposed. Its "/" also covers /q on the http port,
     * where it serves nothing: the management interface (on for every service, see SettingsChecks.runtimeSettings)
     * takes health and metrics to 9000, and the console has no OpenAPI or Swagger UI. Named here, not by a
     * manifest label, so that a manifest cannot declare any service public.
     */
    static final Set<String> WEB_UIS = Set.of("console-service");

    public static List<String> ingress(Rendered r) {
        List<String> v = new ArrayList<>();
        // What each host routes to, over every rule of every Ingress (null: the rules without a host).
        Map<String, Set<String>> byHost = new HashMap<>();
        r.ofKind("Ingress")
                .forEach(i -> iterable(at(i, "spec", "rules")).forEach(rule -> {
                    Set<String> backends = byHost.computeIfAbsent(text(rule, "host"), h -> new TreeSet<>());
                    iterable(at(rule, "http", "paths"))
                            .forEach(p -> backends.add(String.valueOf(text(p, "backend", "service", "name"))));
                }));
        r.ofKind("Ingress").forEach(i -> {
            for (JsonNode rule : iterable(at(i, "spec", "rules"))) {
                Set<String> backends = byHost.get(text(rule, "host"));
                boolean webUiHost = false;
                for (String ui : WEB_UIS) {
                    if (!backends.contains(ui)) {
                        continue;
                    }
                    if (text(rule, "host") == null) {
                        v.add(id(i) + ": routes " + ui + " on a rule without a host; a web UI is routed from / and "
                                + "needs a host of its own");
                    } else if (backends.size() > 1) {
                        v.add(id(i) + " host " + text(rule, "host") + ": routes " + backends + "; the host of " + ui
                                + " must route to it alone");
                    } else {
                        webUiHost = true;
                    }
                }
                for (JsonNode p : iterable(at(rule, "http", "paths"))) {
                    String path = text(p, "path");
                    String type = text(p, "pathType");
                    if (!"Prefix".equals(type) && !"Exact".equals(type)) {
                        v.add(id(i) + " path " + path + ": pathType " + type
                                + " is controller-specific; use Prefix or Exact");
                    }
                    boolean uiRoot = webUiHost && "/".equals(path);
                    if (path == null
                            || (path.equals("/") && !uiRoot)
                            || path.equals("/api")
                            || path.equals("/api/v1")
                            || PRIVATE_PREFIXES.stream()
                                    .anyMatch(x -> path.equals(x)
                                            || path.startsWith(x + "/")
                                            || (!uiRoot && x.startsWith(path.endsWith("/") ? path : path + "/")))) {
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
}
