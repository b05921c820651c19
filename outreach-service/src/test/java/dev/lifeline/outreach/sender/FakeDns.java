package dev.lifeline.outreach.sender;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DNS of the sending-domain tests: TXT records as a test publishes them (a business at its DNS provider). Names
 * never published have no records; names marked failing answer as an unreachable DNS would.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeDns implements DnsTxtResolver {

    private static final Map<String, List<String>> RECORDS = new ConcurrentHashMap<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    public static void publish(String name, String... values) {
        RECORDS.put(name.toLowerCase(), List.of(values));
    }

    public static void fail(String name) {
        FAILING.add(name.toLowerCase());
    }

    /** What a DKIM verifier finds at {@code <selector>._domainkey.<domain>}. */
    public static List<String> lookup(String name) {
        return RECORDS.getOrDefault(name.toLowerCase(), List.of());
    }

    @Override
    public List<String> txt(String name) {
        if (FAILING.contains(name.toLowerCase())) {
            throw new LookupFailed("DNS lookup failed: timeout", null);
        }
        return lookup(name);
    }
}
