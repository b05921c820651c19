package dev.lifeline.contact.tenant;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint manages the tenant itself (settings, keys, deletion): besides a valid key ({@code @RequiresTenant},
 * else 401) it needs an admin key, else 403.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ManagesTenant {}
