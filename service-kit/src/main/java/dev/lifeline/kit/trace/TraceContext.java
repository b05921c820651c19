package dev.lifeline.kit.trace;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A span's W3C trace context ({@code traceparent}, {@code tracestate}) as text, for work that continues later or
 * elsewhere than where it was asked for: an outbox row published by the relay, a run started after its grace period.
 * Both are null when no span was recording (tracing off), and such a context continues nothing.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TraceContext NONE = new TraceContext(null, null);
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<Map<String, String>> SETTER = Map::put;
    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TRACEPARENT.equals(key) ? carrier.traceparent : TRACESTATE.equals(key) ? carrier.tracestate : null;
        }
    };

    /** The context of the span current on this thread (nothing when there is none). */
    public static TraceContext current() {
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(Context.current(), headers, SETTER);
        String parent = headers.get(TRACEPARENT);
        return parent == null ? NONE : new TraceContext(parent, emptyToNull(headers.get(TRACESTATE)));
    }

    public static TraceContext of(String traceparent, String tracestate) {
        return traceparent == null ? NONE : new TraceContext(traceparent, emptyToNull(tracestate));
    }

    public boolean isPresent() {
        return traceparent != null;
    }

    /** An OpenTelemetry context whose remote parent is this one; the root context when there is none. */
    public Context asParent() {
        return isPresent() ? W3C.extract(Context.root(), this, GETTER) : Context.root();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
