package dev.lifeline.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that ends up in a header line (a mail Subject, a sender or recipient display name) holds no control
 * characters: a CR or LF saved in a subject would go out inside the Subject header, which the next mail server may
 * read as the end of that header and the start of another. Null is valid (use {@code @NotBlank} to require it).
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be one line without control characters (no CR, LF, tab or other C0/C1 codes)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
