package dev.lifeline.contact.input;

/** Input that is well-formed JSON but not a valid value for the named field; answered 400 with that field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
