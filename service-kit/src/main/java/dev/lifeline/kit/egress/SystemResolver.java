package dev.lifeline.kit.egress;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's resolver (and its cache, {@code networkaddress.cache.ttl}). */
@ApplicationScoped
@DefaultBean
public class SystemResolver implements EgressResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
