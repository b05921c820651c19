package dev.lifeline.kit.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a tenant-defined host once and checks every address it resolves to against {@link AddressPolicy} and the
 * operator's allow-list. Callers connect to the address returned, never to the name again, so the name cannot
 * resolve to something else between the check and the connection (DNS rebinding).
 */
public final class EgressGuard {

    private final Set<String> allowHosts;
    private final List<Cidr> allowCidrs;
    private final EgressResolver resolver;

    public EgressGuard(List<String> allowHosts, List<String> allowCidrs, EgressResolver resolver) {
        this.allowHosts = allowHosts.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.allowCidrs = allowCidrs.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
        this.resolver = resolver;
    }

    public static EgressGuard of(EgressConfig config, EgressResolver resolver) {
        return new EgressGuard(
                config.allowHosts().orElse(List.of()), config.allowCidrs().orElse(List.of()), resolver);
    }

    /** No exceptions, the system resolver: what production runs with. */
    public static EgressGuard strict() {
        return new EgressGuard(List.of(), List.of(), new SystemResolver());
    }

    /**
     * @return every address {@code host} resolves to, all of them allowed
     * @throws EgressRefused if any of them is internal and not allow-listed
     * @throws UnknownHostException if the name does not resolve
     */
    public List<InetAddress> resolveAll(String host) throws UnknownHostException {
        String name = bare(host);
        Optional<InetAddress> literal = AddressPolicy.literal(name);
        List<InetAddress> addresses = literal.map(List::of).orElse(null);
        if (addresses == null) {
            addresses = resolver.resolve(name);
        }
        if (addresses.isEmpty()) {
            throw new UnknownHostException("no address");
        }
        if (literal.isEmpty() && allowHosts.contains(stripDot(name).toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        List<InetAddress> allowed = new ArrayList<>(addresses.size());
        for (InetAddress address : addresses) {
            check(name, address);
            allowed.add(address);
        }
        return allowed;
    }

    /** The one address to connect to: the first of {@link #resolveAll}. */
    public InetAddress resolve(String host) throws UnknownHostException {
        return resolveAll(host).get(0);
    }

    /** Throws {@link EgressRefused} when {@code address} (which {@code host} named) may not be reached. */
    public void check(String host, InetAddress address) {
        Optional<String> range = AddressPolicy.internalRange(address);
        if (range.isPresent() && allowCidrs.stream().noneMatch(c -> c.contains(address))) {
            String ip = address.getHostAddress();
            throw new EgressRefused(
                    ip.equals(bare(host))
                            ? ip + " is a " + range.get() + " address"
                            : bare(host) + " resolves to " + ip + ", a " + range.get() + " address");
        }
    }

    /**
     * The save-time check: the reason {@code host} is refused, or empty. A name that does not resolve now is
     * accepted (it may resolve later, and probe time checks again).
     */
    public Optional<String> refusal(String host) {
        try {
            resolveAll(host);
            return Optional.empty();
        } catch (EgressRefused e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
