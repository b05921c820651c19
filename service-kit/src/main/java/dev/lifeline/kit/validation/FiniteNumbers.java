package dev.lifeline.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free-form JSON (a map of attributes, lists and maps inside it) holds no number that a double cannot carry: Jackson
 * reads {@code 1e999999} as Infinity, which would be stored as the string "Infinity", silently not what was sent.
 */
@Documented
@Constraint(validatedBy = FiniteNumbersValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface FiniteNumbers {

    String message() default "holds a number out of range (larger than a double can hold)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
