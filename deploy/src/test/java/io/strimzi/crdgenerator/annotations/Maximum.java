package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Read-only stand-in for the annotation of the same name in Strimzi's crd-generator, which is
 * not published to Maven Central. The classes of {@code io.strimzi:api} carry these annotations
 * (runtime retention); with this type on the test class path reflection can read them, so
 * {@code StrimziCrdValidator} applies the same constraints Strimzi's CRD schemas are generated from.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface Maximum {
    int value();
}
