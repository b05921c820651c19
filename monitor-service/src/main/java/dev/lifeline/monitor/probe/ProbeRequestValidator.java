package dev.lifeline.monitor.probe;

import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.kit.problem.Problem.FieldError;
import dev.lifeline.kit.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link ProbeRequest} into a {@link ProbeDefinition}, or a 400 problem listing every bad field. A
 * well-formed target that is, or resolves to, an internal address is a 422 naming {@code target} (the egress policy;
 * probe time checks again, since a name can resolve differently later).
 */
public final class ProbeRequestValidator {

    private static final Pattern HOST =
            Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?$");
    private static final Duration MAX_INTERVAL = Duration.ofHours(1);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private final Duration minInterval;
    private final EgressGuard guard;

    public ProbeRequestValidator(Duration minInterval, EgressGuard guard) {
        this.minInterval = minInterval;
        this.guard = guard;
    }

    public ProbeDefinition validate(String probeId, String platformId, ProbeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.field(400, "type", "is required");
        }
        ProbeKind kind = request.type() == null
                ? null
                : ProbeKind.fromWire(request.type().toLowerCase(Locale.ROOT));
        if (kind == null) {
            errors.add(new FieldError("type", "must be one of http, statuspage, meta-status, dns, tcp"));
        }
        String target = request.target() == null ? "" : request.target().trim();
        if (target.isEmpty()) {
            errors.add(new FieldError("target", "is required"));
        } else if (kind != null) {
            checkTarget(kind, target, errors);
        }
        Duration interval = duration(request.interval(), Duration.ofSeconds(30), "interval", errors);
        if (interval != null && interval.compareTo(minInterval) < 0) {
            errors.add(new FieldError("interval", "must be at least " + minInterval.toSeconds() + "s"));
        } else if (interval != null && interval.compareTo(MAX_INTERVAL) > 0) {
            errors.add(new FieldError("interval", "must be at most 1h"));
        }
        Duration timeout = duration(request.timeout(), Duration.ofSeconds(5), "timeout", errors);
        if (timeout != null && (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            errors.add(new FieldError("timeout", "must be between 1ms and 60s"));
        } else if (timeout != null && interval != null && timeout.compareTo(interval) > 0) {
            errors.add(new FieldError("timeout", "must not exceed the interval"));
        }
        int retries = request.retries() == null ? 1 : request.retries();
        if (retries < 0 || retries > 5) {
            errors.add(new FieldError("retries", "must be between 0 and 5"));
        }
        Duration latency = duration(request.latencyThreshold(), null, "latencyThreshold", errors);
        String pointer = request.jsonPointer();
        if (pointer != null && !pointer.isEmpty() && !validPointer(pointer)) {
            errors.add(new FieldError("jsonPointer", "must be an RFC 6901 JSON pointer such as /status/indicator"));
        }
        if (pointer != null && !pointer.isEmpty() && kind != null && kind != ProbeKind.HTTP) {
            errors.add(new FieldError("jsonPointer", "applies to http probes only"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The probe definition is invalid", errors);
        }
        Optional<String> refusal = guard.refusal(host(kind, target));
        if (refusal.isPresent()) {
            throw new ProblemException(
                    422,
                    "Unprocessable Content",
                    "Lifeline does not probe internal addresses",
                    List.of(new FieldError("target", refusal.get() + "; probes may only reach public addresses")));
        }
        return new ProbeDefinition(
                probeId,
                platformId,
                kind,
                target,
                interval,
                timeout,
                retries,
                latency,
                blankToNull(request.keyword()),
                blankToNull(pointer),
                request.expectedValue(),
                blankToNull(request.component()));
    }

    private static void checkTarget(ProbeKind kind, String target, List<FieldError> errors) {
        switch (kind) {
            case HTTP, STATUSPAGE, META_STATUS -> {
                try {
                    URI uri = new URI(target);
                    String scheme =
                            uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                        errors.add(new FieldError("target", "must be an absolute http or https URL"));
                    }
                } catch (URISyntaxException e) {
                    errors.add(new FieldError("target", "must be an absolute http or https URL"));
                }
            }
            case DNS -> {
                if (!HOST.matcher(target).matches() || target.length() > 253) {
                    errors.add(new FieldError("target", "must be a host name"));
                }
            }
            case TCP -> {
                int colon = target.lastIndexOf(':');
                boolean ok =
                        colon > 0 && HOST.matcher(target.substring(0, colon)).matches();
                if (ok) {
                    try {
                        int port = Integer.parseInt(target.substring(colon + 1));
                        ok = port > 0 && port < 65536;
                    } catch (NumberFormatException e) {
                        ok = false;
                    }
                }
                if (!ok) {
                    errors.add(new FieldError("target", "must be host:port"));
                }
            }
        }
    }

    private static String host(ProbeKind kind, String target) {
        return switch (kind) {
            case HTTP, STATUSPAGE, META_STATUS -> URI.create(target).getHost();
            case DNS -> target;
            case TCP -> target.substring(0, target.lastIndexOf(':'));
        };
    }

    /** RFC 6901: empty, or "/" segments where "~" is only followed by 0 or 1. */
    static boolean validPointer(String pointer) {
        if (!pointer.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~' && (i + 1 >= pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
                return false;
            }
        }
        return true;
    }

    static Duration duration(String text, Duration fallback, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the error below
        }
        errors.add(new FieldError(field, "must be a duration such as 30s, 500ms or PT1M"));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
