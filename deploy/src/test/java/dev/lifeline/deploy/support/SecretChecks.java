package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.lifeline.deploy.support.DatabaseChecks.*;
import static dev.lifeline.deploy.support.DeployChecks.*;
import static dev.lifeline.deploy.support.IngressChecks.*;
import static dev.lifeline.deploy.support.Json.at;
import static dev.lifeline.deploy.support.Json.text;
import static dev.lifeline.deploy.support.KafkaChecks.*;
import static dev.lifeline.deploy.support.PodChecks.*;
import static dev.lifeline.deploy.support.Rendered.id;
import static dev.lifeline.deploy.support.ScalingChecks.*;
import static dev.lifeline.deploy.support.SettingsChecks.*;

/** Secrets and ConfigMaps: every one referenced exists (as a template or an operator's output), and none committed holds a real secret. Part of {@link DeployChecks}. */
public final class SecretChecks {

    private SecretChecks() {}

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
                            : value.isEmpty() || value.startsWith(DEV_VALUE_PREFIX) || devValueInBase64(value);
                    if (!ok) {
                        out.add(id(s) + " key " + e.getKey() + ": "
                                + (rule.equals("template")
                                        ? "a template value must be " + PLACEHOLDER
                                        : "a committed value must be empty or start with '" + DEV_VALUE_PREFIX
                                                + "' (plain, or once base64-decoded)"));
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

    /**
     * A key that must be base64 (console-service's key-encryption-key: 32 bytes) cannot start with "dev-only-"
     * itself, since '-' is no base64 character; it is visibly fake if its decoded bytes do.
     */
    static boolean devValueInBase64(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1)
                    .startsWith(DEV_VALUE_PREFIX);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
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
}
