package dev.lifeline.console.web;

/** A form arrived without the CSRF token of the browser that loaded it: answered 403, nothing changed. */
public class CsrfRejectedException extends RuntimeException {

    public CsrfRejectedException() {
        super("CSRF token missing or wrong", null, false, false);
    }
}
