package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SecretChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/** Databases: each service owns its database, and only it reaches it. Part of {@link DeployChecks}. */
public final class DatabaseChecks {

    private DatabaseChecks() {}

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
}
