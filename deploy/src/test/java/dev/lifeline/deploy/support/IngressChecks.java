package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
}
