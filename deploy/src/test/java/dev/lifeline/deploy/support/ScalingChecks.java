package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.SecretChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/** Scaling: an HPA or fixed replicas, a PDB and anti-affinity, and no HPA past its topic's partitions. Part of {@link DeployChecks}. */
public final class ScalingChecks {

    private ScalingChecks() {}

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
}
