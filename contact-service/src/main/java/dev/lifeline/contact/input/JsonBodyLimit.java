package dev.lifeline.contact.input;

import dev.lifeline.kit.problem.Problem;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * JSON bodies are small (a contact is well under a kilobyte); anything over {@code lifeline.contact.max-json-bytes}
 * is refused with 413 before it is parsed, whether it announces its length or streams chunked. CSV uploads are
 * not JSON and stream without this limit.
 */
@Provider
public class JsonBodyLimit implements ReaderInterceptor {

    @ConfigProperty(name = "lifeline.contact.max-json-bytes", defaultValue = "65536")
    long maxBytes;

    @ServerRequestFilter(preMatching = true)
    public Response announcedLength(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException e) {
            // A Content-Type that is not a media type at all: the client's error, answered before anything else.
            return Problems.response(
                    415,
                    "Unsupported Media Type",
                    "Content-Type is not a media type",
                    List.of(new Problem.FieldError("Content-Type", "is not a media type")));
        }
        if (isJson(type) && request.getLength() > maxBytes) {
            return tooLarge();
        }
        return null;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(new Bounded(context.getInputStream(), maxBytes));
        }
        return context.proceed();
    }

    private Response tooLarge() {
        return Problems.response(
                413,
                "Content Too Large",
                "The JSON body is larger than " + maxBytes + " bytes",
                List.of(new Problem.FieldError("body", "is larger than " + maxBytes + " bytes")));
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw exceeded();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw exceeded();
            }
            return n;
        }

        private ProblemException exceeded() {
            return ProblemException.field(413, "body", "is larger than " + maxBytes + " bytes");
        }
    }
}
