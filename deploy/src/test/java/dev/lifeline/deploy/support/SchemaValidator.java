package dev.lifeline.deploy.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates each rendered object against the schema of its kind. Every (apiVersion, kind) must be
 * known here; an unknown one is an error, so a typo in apiVersion (or a kind nobody checks) cannot slip through.
 * <ul>
 * <li>Kubernetes kinds: the official Kubernetes Java models ({@code io.kubernetes:client-java-api}),
 * generated from the Kubernetes OpenAPI spec, whose {@code validateJsonElement} rejects unknown and
 * missing required fields at every level; then a strict (no unknown fields, no coercion) read into
 * fabric8's model for the types.</li>
 * <li>Strimzi kinds ({@code kafka.strimzi.io/v1}): a strict read into Strimzi's own model
 * ({@code io.strimzi:api}, which its CRDs are generated from: enums, polymorphic types such as
 * listener authentication and storage) and its CRD constraints for v1 (required, present-in-version,
 * minimum, maximum, pattern) via {@link StrimziCrdValidator}.</li>
 * <li>Prometheus Operator ({@code monitoring.coreos.com/v1}): a strict read into fabric8's model,
 * generated from the Prometheus Operator CRDs.</li>
 * <li>CloudNativePG {@code Cluster}: CloudNativePG publishes no Java model or schema on Maven Central,
 * so {@code src/test/resources/schemas/cnpg-cluster.schema.json} is our own minimal JSON Schema of the
 * fields we use (from the CloudNativePG API reference), closed with additionalProperties=false.</li>
 * </ul>
 * Plus, for all: metadata.name and label syntax as the API server checks them.
 */
public final class SchemaValidator {

    private record Kind(String officialModel, Class<?> strictModel) {}

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("v1|Namespace", new Kind("V1Namespace", Namespace.class)),
            Map.entry("v1|ConfigMap", new Kind("V1ConfigMap", ConfigMap.class)),
            Map.entry("v1|Secret", new Kind("V1Secret", Secret.class)),
            Map.entry("v1|Service", new Kind("V1Service", Service.class)),
            Map.entry("v1|ServiceAccount", new Kind("V1ServiceAccount", ServiceAccount.class)),
            Map.entry("apps/v1|Deployment", new Kind("V1Deployment", Deployment.class)),
            Map.entry(
                    "autoscaling/v2|HorizontalPodAutoscaler",
                    new Kind("V2HorizontalPodAutoscaler", HorizontalPodAutoscaler.class)),
            Map.entry("policy/v1|PodDisruptionBudget", new Kind("V1PodDisruptionBudget", PodDisruptionBudget.class)),
            Map.entry("networking.k8s.io/v1|Ingress", new Kind("V1Ingress", Ingress.class)),
            Map.entry("networking.k8s.io/v1|NetworkPolicy", new Kind("V1NetworkPolicy", NetworkPolicy.class)),
            Map.entry("kafka.strimzi.io/v1|Kafka", new Kind(null, Kafka.class)),
            Map.entry("kafka.strimzi.io/v1|KafkaNodePool", new Kind(null, KafkaNodePool.class)),
            Map.entry("kafka.strimzi.io/v1|KafkaTopic", new Kind(null, KafkaTopic.class)),
            Map.entry("kafka.strimzi.io/v1|KafkaUser", new Kind(null, KafkaUser.class)),
            Map.entry("monitoring.coreos.com/v1|ServiceMonitor", new Kind(null, ServiceMonitor.class)),
            Map.entry("monitoring.coreos.com/v1|PodMonitor", new Kind(null, PodMonitor.class)),
            Map.entry("postgresql.cnpg.io/v1|Cluster", new Kind(null, null)));

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private static final JsonSchema CNPG_CLUSTER = loadSchema("/schemas/cnpg-cluster.schema.json");

    private SchemaValidator() {}

    /** All schema errors of one object, each prefixed with kind/name. */
    public static List<String> validate(ObjectNode obj) {
        String id = Rendered.id(obj);
        String key = Json.text(obj, "apiVersion") + "|" + Json.text(obj, "kind");
        List<String> errors = new ArrayList<>();
        Kind kind = KINDS.get(key);
        if (kind == null) {
            errors.add(id + ": no schema known for apiVersion/kind " + key.replace('|', ' ')
                    + " (add one to SchemaValidator before using this kind)");
            return errors;
        }
        validateMetadata(obj, errors);
        if (kind.officialModel() != null) {
            validateOfficial(obj, kind.officialModel(), errors);
        }
        if (key.startsWith("postgresql.cnpg.io/")) {
            for (ValidationMessage m : CNPG_CLUSTER.validate(obj)) {
                errors.add("CNPG schema: " + m.getMessage());
            }
        } else {
            Object model = readStrict(obj, kind.strictModel(), errors);
            if (model != null && key.startsWith("kafka.strimzi.io/")) {
                StrimziCrdValidator.validate(model, obj, "v1", errors);
            }
        }
        return errors.stream().map(e -> id + ": " + e).toList();
    }

    private static void validateOfficial(ObjectNode obj, String modelClass, List<String> errors) {
        try {
            Class<?> c = Class.forName("io.kubernetes.client.openapi.models." + modelClass);
            Method validate = c.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, JsonParser.parseString(obj.toString()));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String msg = String.valueOf(cause.getMessage());
            int cut = msg.indexOf(" JSON: ");
            errors.add("Kubernetes OpenAPI schema: " + (cut > 0 ? msg.substring(0, cut) : msg));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Kubernetes model " + modelClass + " not usable", e);
        }
    }

    private static Object readStrict(ObjectNode obj, Class<?> type, List<String> errors) {
        try {
            return Json.STRICT.treeToValue(obj, type);
        } catch (JsonMappingException e) {
            errors.add("schema of " + type.getSimpleName() + ": at " + pathOf(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            errors.add("schema of " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
        return null;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(root)" : sb.substring(sb.charAt(0) == '.' ? 1 : 0);
    }

    private static void validateMetadata(ObjectNode obj, List<String> errors) {
        String name = Json.text(obj, "metadata", "name");
        String kind = Json.text(obj, "kind");
        if (name == null) {
            errors.add("metadata.name is missing");
            return;
        }
        boolean label = "Service".equals(kind) || "Namespace".equals(kind);
        if (label
                ? !(DNS_LABEL.matcher(name).matches() && name.length() <= 63)
                : !(DNS_SUBDOMAIN.matcher(name).matches() && name.length() <= 253)) {
            errors.add("metadata.name '" + name + "' is not a valid DNS-1123 " + (label ? "label" : "subdomain"));
        }
        for (String field : List.of("labels", "annotations")) {
            JsonNode map = Json.at(obj, "metadata", field);
            if (map == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!validKey(e.getKey())) {
                    errors.add("metadata." + field + " key '" + e.getKey() + "' is not a valid qualified name");
                }
                if (!e.getValue().isTextual()) {
                    errors.add("metadata." + field + "." + e.getKey() + " must be a string");
                } else if ("labels".equals(field)
                        && !(LABEL_VALUE.matcher(e.getValue().asText()).matches()
                                && e.getValue().asText().length() <= 63)) {
                    errors.add("label value '" + e.getValue().asText() + "' is invalid");
                }
            }
        }
    }

    private static boolean validKey(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        return name.length() <= 63
                && LABEL_NAME.matcher(name).matches()
                && (prefix == null
                        || (prefix.length() <= 253
                                && DNS_SUBDOMAIN.matcher(prefix).matches()));
    }

    private static JsonSchema loadSchema(String resource) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only for tests of this validator. */
    static Set<String> knownKinds() {
        return KINDS.keySet();
    }
}
