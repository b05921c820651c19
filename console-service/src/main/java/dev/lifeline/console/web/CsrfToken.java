package dev.lifeline.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * This request's CSRF token (double-submit: the same random value in an HttpOnly cookie and in each form's hidden
 * {@code csrf} field). Another site can make the browser send the cookie but cannot read it to fill the field.
 * Templates read it as {@code {inject:csrf.token}}.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    public static final String COOKIE = "lifeline_csrf";
    public static final String FIELD = "csrf";

    private String token;
    private boolean fresh;

    public String getToken() {
        return token;
    }

    void set(String token, boolean fresh) {
        this.token = token;
        this.fresh = fresh;
    }

    boolean isFresh() {
        return fresh;
    }

    /** Refuses (403 page) a state-changing form whose field does not match the cookie. */
    public void verify(String submitted) {
        if (fresh
                || submitted == null
                || token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }
}
