package dev.lifeline.outreach.webhook;

import dev.lifeline.kit.egress.AddressPolicy;
import dev.lifeline.kit.egress.EgressResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS as a test scripts it: each name answers its queued addresses one lookup at a time, the last one for good
 * (so "public, then loopback" is DNS rebinding). Names not scripted go to the system resolver, so every other test
 * sees ordinary DNS.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedResolver implements EgressResolver {

    private static final Map<String, Deque<String>> ANSWERS = new ConcurrentHashMap<>();

    public static void script(String host, String... addresses) {
        ANSWERS.put(host, new ArrayDeque<>(List.of(addresses)));
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Deque<String> answers = ANSWERS.get(host);
        if (answers == null) {
            return List.of(InetAddress.getAllByName(host));
        }
        synchronized (answers) {
            String next = answers.size() > 1 ? answers.poll() : answers.peek();
            return List.of(AddressPolicy.literal(next).orElseThrow());
        }
    }
}
