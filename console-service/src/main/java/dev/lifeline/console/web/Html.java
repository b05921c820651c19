package dev.lifeline.console.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Answers of the pages behind sign-in: rendered HTML that no cache keeps, or a redirect. */
public final class Html {

    private Html() {}

    public static Response ok(TemplateInstance page) {
        return status(200, page);
    }

    public static Response status(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(page.render())
                .build();
    }

    public static Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    public static Response signIn() {
        return to("/signin");
    }

    /** A service did not answer: a page that says which part is missing, never a stack trace. */
    public static Response unavailable(TemplateInstance error, String what) {
        return status(
                503,
                error.data("title", what + " is not available right now")
                        .data("message", "Lifeline could not reach it. Try again in a moment.")
                        .data("status", 503));
    }
}
