package dev.lifeline.outreach.sender;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.spi.InitialContextFactory;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.ServiceLoader;

/**
 * TXT lookups through the JDK's own DNS provider (JNDI, module jdk.naming.dns) and the system's resolvers: no
 * dependency for a lookup made only when a business asks to verify a domain.
 * <p>
 * The provider's factory is taken from the JDK's module layer and asked directly, never through
 * {@code new InitialDirContext(…)}: Quarkus disables JNDI's initial contexts ({@code quarkus.naming.enable-jndi}
 * false), and turning them on for the whole service would reopen what that setting closes (JNDI lookups of names
 * from anywhere). Only DNS, only here.
 */
@ApplicationScoped
@DefaultBean
public class JndiDnsTxtResolver implements DnsTxtResolver {

    private static final String DNS_FACTORY = "com.sun.jndi.dns.DnsContextFactory";

    /** {@code dns://host:port} of one server to ask, or null for the system's resolvers. */
    private final String server;

    public JndiDnsTxtResolver() {
        this(null);
    }

    JndiDnsTxtResolver(String server) {
        this.server = server;
    }

    @Override
    public List<String> txt(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        if (server != null) {
            env.put(Context.PROVIDER_URL, server);
        }
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = (DirContext) dnsFactory().getInitialContext(env);
            Attributes attributes = context.getAttributes(name, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> values = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> all = txt.getAll();
                while (all.hasMore()) {
                    values.add(joinStrings(String.valueOf(all.next())));
                }
            }
            return values;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new LookupFailed("DNS lookup failed: " + e.getClass().getSimpleName(), e);
        } finally {
            close(context);
        }
    }

    /** Looked up at each verification (rare): a runtime without the module fails verifying, not starting. */
    private static InitialContextFactory dnsFactory() throws NamingException {
        return ServiceLoader.load(ModuleLayer.boot(), InitialContextFactory.class).stream()
                .filter(provider -> provider.type().getName().equals(DNS_FACTORY))
                .findFirst()
                .map(ServiceLoader.Provider::get)
                .orElseThrow(() -> new NamingException("the JDK's DNS provider (module jdk.naming.dns) is missing"));
    }

    /**
     * JNDI gives a record of several character-strings separated by spaces, each quoted when it holds whitespace
     * ({@code "v=DKIM1; k=rsa; p=MIIB…" IjAN…}); DKIM reads them as one value, concatenated (RFC 6376 §3.6.2.2).
     */
    static String joinStrings(String record) {
        StringBuilder joined = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < record.length()) {
                joined.append(record.charAt(++i));
            } else if (quoted || c != ' ') {
                joined.append(c);
            }
        }
        return joined.toString();
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing held open by a closed lookup matters
            }
        }
    }
}
