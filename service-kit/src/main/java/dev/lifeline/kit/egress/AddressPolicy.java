package dev.lifeline.kit.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a tenant-defined target may never reach: anything inside a network rather than on the public
 * internet. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by the
 * address they embed, so {@code ::ffff:127.0.0.1} is loopback like {@code 127.0.0.1}. Pure: no DNS, no config.
 */
public final class AddressPolicy {

    private record Range(Cidr cidr, String name) {}

    private static final List<Range> V4 = List.of(
            new Range(Cidr.parse("0.0.0.0/8"), "unspecified"),
            new Range(Cidr.parse("10.0.0.0/8"), "private"),
            new Range(Cidr.parse("100.64.0.0/10"), "carrier-grade NAT"),
            new Range(Cidr.parse("127.0.0.0/8"), "loopback"),
            new Range(Cidr.parse("169.254.0.0/16"), "link-local"),
            new Range(Cidr.parse("172.16.0.0/12"), "private"),
            new Range(Cidr.parse("192.0.0.0/24"), "IETF protocol assignment"),
            new Range(Cidr.parse("192.168.0.0/16"), "private"),
            new Range(Cidr.parse("198.18.0.0/15"), "benchmarking"),
            new Range(Cidr.parse("224.0.0.0/4"), "multicast"),
            new Range(Cidr.parse("255.255.255.255/32"), "broadcast"),
            new Range(Cidr.parse("240.0.0.0/4"), "reserved"));

    private static final List<Range> V6 = List.of(
            new Range(Cidr.parse("::/128"), "unspecified"),
            new Range(Cidr.parse("::1/128"), "loopback"),
            new Range(Cidr.parse("fc00::/7"), "unique local"),
            new Range(Cidr.parse("fe80::/10"), "link-local"),
            new Range(Cidr.parse("fec0::/10"), "site-local"),
            new Range(Cidr.parse("ff00::/8"), "multicast"),
            new Range(Cidr.parse("64:ff9b:1::/48"), "local NAT64"),
            new Range(Cidr.parse("100::/64"), "discard-only"));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr TEREDO = Cidr.parse("2001::/32");

    private AddressPolicy() {}

    /** @return the name of the internal range {@code address} lies in, or empty for a public address */
    public static Optional<String> internalRange(InetAddress address) {
        if (address instanceof Inet4Address) {
            return v4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return v6(address.getAddress());
        }
        return Optional.of("unknown address family");
    }

    public static boolean isInternal(InetAddress address) {
        return internalRange(address).isPresent();
    }

    private static Optional<String> v4(byte[] b) {
        for (Range r : V4) {
            if (r.cidr.contains(b)) {
                return Optional.of(r.name);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> v6(byte[] b) {
        for (Range r : V6) {
            if (r.cidr.contains(b)) {
                return Optional.of(r.name);
            }
        }
        if (MAPPED.contains(b) || COMPATIBLE.contains(b) || NAT64.contains(b)) {
            return embedded(b[12], b[13], b[14], b[15]);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return embedded(b[2], b[3], b[4], b[5]);
        }
        if (TEREDO.contains(b)) {
            // Teredo carries the server in bytes 4-7 and the client, bit-inverted, in bytes 12-15.
            Optional<String> server = embedded(b[4], b[5], b[6], b[7]);
            return server.isPresent() ? server : embedded((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]);
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte a, byte b, byte c, byte d) {
        return v4(new byte[] {a, b, c, d}).map(name -> name + " (embedded in IPv6)");
    }

    /** Parses an IP literal without DNS ({@code [..]} brackets allowed); empty when {@code text} is a host name. */
    public static Optional<InetAddress> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // A literal never triggers a lookup.
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
