package dev.lifeline.kit.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. A bean so that tests can answer differently at save and at probe time (DNS
 * rebinding); production uses {@link SystemResolver}.
 */
public interface EgressResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
