package dev.lifeline.kit.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Collection;
import java.util.Map;

/** See {@link FiniteNumbers}. */
public class FiniteNumbersValidator implements ConstraintValidator<FiniteNumbers, Object> {

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        return isFinite(value);
    }

    public static boolean isFinite(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(FiniteNumbersValidator::isFinite);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().allMatch(FiniteNumbersValidator::isFinite);
        }
        return true;
    }
}
