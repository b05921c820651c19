package dev.lifeline.kit.problem;

import java.util.List;

/** Thrown by service code for a request that cannot be served; answered as a problem response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A problem with one named field, e.g. {@code field(400, "email", "is not a valid e-mail address")}. */
    public static ProblemException field(int status, String field, String message) {
        return new ProblemException(
                status,
                Problems.titleOf(status),
                field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " not found");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
