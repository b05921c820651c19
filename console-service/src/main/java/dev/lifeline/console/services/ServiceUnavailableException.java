package dev.lifeline.console.services;

/** A service did not answer (connection refused, timeout): the page says so instead of failing. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String where, Throwable cause) {
        super("no answer from " + where, cause);
    }
}
