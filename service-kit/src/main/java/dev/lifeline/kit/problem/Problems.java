package dev.lifeline.kit.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem responses; one place decides the {@code type} URIs and titles. */
public final class Problems {

    private static final String TYPE_BASE = "https://lifeline.dev/problems/";

    private Problems() {}

    public static Response response(int status, String title, String detail, List<Problem.FieldError> errors) {
        Problem problem = new Problem(typeOf(status), title, status, detail, null, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String detail) {
        return response(status, titleOf(status), detail, List.of());
    }

    static String typeOf(int status) {
        return TYPE_BASE + titleOf(status).toLowerCase().replace(' ', '-');
    }

    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + status;
        };
    }
}
