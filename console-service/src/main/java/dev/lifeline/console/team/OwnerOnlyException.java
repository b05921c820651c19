package dev.lifeline.console.team;

/** A staff member asked for an owner's page or action: answered 403 with a page that says so, nothing changed. */
public class OwnerOnlyException extends RuntimeException {

    public OwnerOnlyException() {
        super("owner only", null, false, false);
    }
}
