package dev.lifeline.localstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that {@link LocalStackTestResource} fills with the shared stack. The field may
 * be a {@link LocalStack}, {@link LocalKafka}, {@link LocalPostgres} or {@link MailCatcher}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectLocalStack {}
