package dev.lifeline.events;

/** A record on a topic that cannot be read as its declared event type: it belongs in the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
