package dev.lifeline.console.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.SecureRandom;
import java.util.Base64;

/** Gives every browser a CSRF cookie on its first request and makes the token available to this request's forms. */
public class CsrfCookieFilter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsrfToken csrf;

    public CsrfCookieFilter(CsrfToken csrf) {
        this.csrf = csrf;
    }

    @ServerRequestFilter
    public void readOrIssue(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(CsrfToken.COOKIE);
        if (cookie != null && cookie.getValue().length() >= 32) {
            csrf.set(cookie.getValue(), false);
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            csrf.set(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
        }
    }

    @ServerResponseFilter
    public void setCookie(ContainerResponseContext response) {
        if (csrf.isFresh() && csrf.getToken() != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Cookies.header(CsrfToken.COOKIE, csrf.getToken(), -1));
        }
    }
}
