package dev.lifeline.deploy.support;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.MinimumItems;
import io.strimzi.crdgenerator.annotations.Pattern;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constraints Strimzi's CRD schemas are generated from, read from the annotations on
 * {@code io.strimzi:api}'s model classes and checked for one API version: a property required in
 * that version is present, one not served in it is absent, and numbers, list sizes and strings meet
 * their minimum, maximum and pattern. (Unknown fields and wrong types/enums are caught before, by the
 * strict read into the same model.)
 */
final class StrimziCrdValidator {

    /** Strimzi's API versions, oldest first. */
    private static final List<String> VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private static final Set<String> SKIPPED = Set.of("getClass", "getAdditionalProperties");

    private StrimziCrdValidator() {}

    static void validate(Object customResource, JsonNode json, String version, List<String> errors) {
        try {
            Method getSpec = customResource.getClass().getMethod("getSpec");
            JsonNode spec = json.get("spec");
            if (spec == null || spec.isNull()) {
                errors.add("Strimzi CRD " + version + ": spec is required");
                return;
            }
            walk(getSpec.invoke(customResource), spec, "spec", version, errors);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void walk(Object value, JsonNode json, String path, String version, List<String> errors)
            throws ReflectiveOperationException {
        if (value == null || json == null || json.isNull()) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            Iterator<JsonNode> items = json.elements();
            for (Object item : list) {
                JsonNode itemJson = items.hasNext() ? items.next() : null;
                if (item == null && itemJson != null && !itemJson.isNull()) {
                    errors.add("Strimzi CRD " + version + ": " + path + "[" + i + "] = " + itemJson
                            + " is not an allowed value");
                }
                walk(item, itemJson, path + "[" + i++ + "]", version, errors);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), json.get(String.valueOf(e.getKey())), path + "." + e.getKey(), version, errors);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("io.strimzi.api.")) {
            return; // Kubernetes types inside Strimzi specs were checked by the strict read
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    || m.isBridge()
                    || m.getParameterCount() != 0
                    || SKIPPED.contains(m.getName())
                    || m.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            String property = propertyName(m);
            if (property == null) {
                continue;
            }
            JsonNode child = json.get(property);
            boolean present = child != null && !child.isNull();
            String where = path + "." + property;

            PresentInVersions presentIn = annotation(m, property, PresentInVersions.class);
            if (present && presentIn != null && !inVersions(presentIn.value(), version)) {
                errors.add("Strimzi CRD " + version + ": " + where + " does not exist in " + version + " (only in "
                        + presentIn.value() + ")");
            }
            RequiredInVersions requiredIn = annotation(m, property, RequiredInVersions.class);
            JsonProperty jp = annotation(m, property, JsonProperty.class);
            boolean required =
                    requiredIn != null ? inVersions(requiredIn.value(), version) : jp != null && jp.required();
            if (required && !present) {
                errors.add("Strimzi CRD " + version + ": " + where + " is required");
            }
            if (!present) {
                continue;
            }
            Minimum min = annotation(m, property, Minimum.class);
            if (min != null && child.isNumber() && child.asDouble() < min.value()) {
                errors.add("Strimzi CRD " + version + ": " + where + " = " + child + " is below the minimum "
                        + min.value());
            }
            Maximum max = annotation(m, property, Maximum.class);
            if (max != null && child.isNumber() && child.asDouble() > max.value()) {
                errors.add("Strimzi CRD " + version + ": " + where + " = " + child + " is above the maximum "
                        + max.value());
            }
            MinimumItems minItems = annotation(m, property, MinimumItems.class);
            if (minItems != null && child.isArray() && child.size() < minItems.value()) {
                errors.add(
                        "Strimzi CRD " + version + ": " + where + " needs at least " + minItems.value() + " item(s)");
            }
            Pattern pattern = annotation(m, property, Pattern.class);
            if (pattern != null
                    && child.isTextual()
                    && !java.util.regex.Pattern.compile(pattern.value())
                            .matcher(child.asText())
                            .find()) {
                errors.add("Strimzi CRD " + version + ": " + where + " = '" + child.asText() + "' does not match "
                        + pattern.value());
            }
            Object childValue = m.invoke(value);
            if (childValue == null) {
                // Strimzi's enums read unknown values as null (e.g. KafkaListenerType.forValue)
                errors.add("Strimzi CRD " + version + ": " + where + " = " + child + " is not an allowed value");
            }
            walk(childValue, child, where, version, errors);
        }
    }

    private static String propertyName(Method m) {
        JsonProperty jp = m.getAnnotation(JsonProperty.class);
        if (jp != null && !jp.value().isEmpty()) {
            return jp.value();
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return Introspector.decapitalize(n.substring(3));
        }
        if (n.startsWith("is")
                && n.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Introspector.decapitalize(n.substring(2));
        }
        return null;
    }

    /** The annotation on the getter, or on the field behind it. */
    private static <A extends Annotation> A annotation(Method getter, String property, Class<A> type) {
        A a = getter.getAnnotation(type);
        if (a != null) {
            return a;
        }
        for (Class<?> c = getter.getDeclaringClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(property);
                return f.getAnnotation(type);
            } catch (NoSuchFieldException ignored) {
                // try the superclass
            }
        }
        return null;
    }

    /** Strimzi's version ranges: "v1", "v1+", "v1alpha1-v1beta2", "all", comma-separated lists of those. */
    static boolean inVersions(String range, String version) {
        int v = VERSIONS.indexOf(version);
        for (String part : range.split(",")) {
            String p = part.trim();
            if (p.equals("all") || p.equals(version)) {
                return true;
            }
            if (p.endsWith("+") && v >= VERSIONS.indexOf(p.substring(0, p.length() - 1))) {
                return true;
            }
            int dash = p.indexOf('-');
            if (dash > 0) {
                int from = VERSIONS.indexOf(p.substring(0, dash));
                int to = VERSIONS.indexOf(p.substring(dash + 1));
                if (v >= from && v <= to) {
                    return true;
                }
            }
        }
        return false;
    }
}
