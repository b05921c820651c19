package dev.lifeline.deploy.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's {@code src/main/resources/application.properties} says about Kafka and its image,
 * as it applies in the cluster: unprofiled and {@code %prod.} keys (the {@code %dev} and {@code %test}
 * profiles never run there), with {@code ${...}} expressions resolved.
 *
 * @param service the module directory name, e.g. contact-service (= Deployment, KafkaUser and image name)
 */
public record ServiceProperties(String service, Path file, Map<String, String> props) {

    public enum Use {
        READ,
        WRITE,
        UNKNOWN
    }

    /** One topic the service names, where, and what it does with it. */
    public record TopicUse(String service, String key, String topic, Use use) {
        @Override
        public String toString() {
            return service + ": " + key + " = " + topic;
        }
    }

    private static final Pattern CHANNEL_KEY =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.(\"[^\"]+\"|[^.]+)\\.(.+)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    /** The deployed services of the project: every *-service module with an application.properties. */
    public static List<ServiceProperties> loadAll(Path projectRoot) {
        if (!Files.isDirectory(projectRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(projectRoot)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .map(d -> d.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .map(ServiceProperties::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceProperties load(Path file) {
        Properties raw = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> base = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key).trim();
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                if (dot < 0) {
                    continue;
                }
                Set<String> profiles = Set.of(key.substring(1, dot).split(","));
                if (profiles.contains("prod")) {
                    prod.put(key.substring(dot + 1), value);
                }
            } else {
                base.put(key, value);
            }
        }
        base.putAll(prod);
        Map<String, String> resolved = new LinkedHashMap<>();
        base.forEach((k, v) -> resolved.put(k, resolve(v, base, 0)));
        Path moduleDir = file.getParent().getParent().getParent().getParent();
        return new ServiceProperties(moduleDir.getFileName().toString(), file, Map.copyOf(resolved));
    }

    private static String resolve(String value, Map<String, String> props, int depth) {
        if (depth > 10 || value == null) {
            return value;
        }
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = props.containsKey(m.group(1))
                    ? resolve(props.get(m.group(1)), props, depth + 1)
                    : m.group(2) != null ? m.group(2) : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The module directory (contact-service/ etc.). */
    public Path moduleDir() {
        return file.getParent().getParent().getParent().getParent();
    }

    /** Whether the module's pom has a quarkus-container-image-* extension, i.e. the build makes an image. */
    public boolean buildsImage() {
        return pomContains("quarkus-container-image-");
    }

    /** Whether the module's pom has quarkus-kubernetes, i.e. the build writes target/kubernetes/. */
    public boolean generatesManifests() {
        return pomContains("<artifactId>quarkus-kubernetes</artifactId>");
    }

    /**
     * Whether the service is a Kafka client: its properties configure Kafka ({@code kafka.*}, {@code mp.messaging.*})
     * or its build has the Kafka connector. console-service, for one, is not: it reaches the services over HTTP only.
     */
    public boolean usesKafka() {
        return props.keySet().stream().anyMatch(k -> k.startsWith("kafka.") || k.startsWith("mp.messaging."))
                || pomContains("quarkus-messaging-kafka");
    }

    private boolean pomContains(String text) {
        Path pom = moduleDir().resolve("pom.xml");
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variable Quarkus maps to a property name (non-alphanumerics to _, upper case). */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * Settings the service cannot start without in the cluster: properties whose value is an expression
     * with no default and nothing in the file to resolve it, e.g. {@code %prod.lifeline.admin-key=${LIFELINE_ADMIN_KEY}}.
     * Maps the property to the variable its expression needs.
     */
    public Map<String, String> requiredFromEnvironment() {
        Map<String, String> required = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            Matcher m = EXPRESSION.matcher(v);
            while (m.find()) {
                if (m.group(2) == null) {
                    required.put(k, m.group(1));
                }
            }
        });
        return required;
    }

    /**
     * Connection settings whose value in the cluster would still point at this machine (localhost,
     * 127.0.0.1): fine for a local run, broken in a pod unless the manifests override them.
     */
    public Map<String, String> localhostSettings() {
        Map<String, String> local = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            boolean connection = k.startsWith("quarkus.")
                    || k.startsWith("kafka.")
                    || k.startsWith("mp.messaging.")
                    || k.endsWith("base-url")
                    || k.endsWith("bootstrap.servers");
            if (connection && (v.contains("localhost") || v.contains("127.0.0.1"))) {
                local.put(k, v);
            }
        });
        return local;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(props.get(key)).filter(v -> !v.isBlank());
    }

    /**
     * Every Kafka topic the file names: each channel's topic ({@code topic}, {@code topics}, or the
     * channel name when neither is set), its dead-letter topic ({@code dead-letter-queue.topic}, or
     * SmallRye's default {@code dead-letter-topic-<topic>} when failure-strategy=dead-letter-queue names
     * none), and any other key whose last segment is topic/topics or ends with -topic/-topics.
     * Channels on another connector and pattern subscriptions are skipped.
     */
    public List<TopicUse> topics() {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        Map<String, String> direction = new LinkedHashMap<>();
        List<TopicUse> uses = new ArrayList<>();
        props.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                String channel = m.group(2).replace("\"", "");
                String id = m.group(1) + ":" + channel;
                channels.computeIfAbsent(id, x -> new LinkedHashMap<>()).put(m.group(3), value);
                direction.put(id, m.group(1));
            } else if (isTopicKey(key)) {
                for (String t : value.split(",")) {
                    if (!t.isBlank()) {
                        uses.add(new TopicUse(service, key, t.trim(), Use.UNKNOWN));
                    }
                }
            }
        });
        channels.forEach((id, attrs) -> {
            String connector = attrs.getOrDefault("connector", "smallrye-kafka");
            if (!connector.equals("smallrye-kafka") || "true".equals(attrs.get("pattern"))) {
                return;
            }
            boolean incoming = direction.get(id).equals("incoming");
            String channel = id.substring(id.indexOf(':') + 1);
            String prefix = "mp.messaging." + direction.get(id) + "." + quoteIfNeeded(channel) + ".";
            List<String> names = new ArrayList<>();
            String via;
            if (attrs.containsKey("topic")) {
                names.add(attrs.get("topic"));
                via = prefix + "topic";
            } else if (attrs.containsKey("topics")) {
                for (String t : attrs.get("topics").split(",")) {
                    names.add(t.trim());
                }
                via = prefix + "topics";
            } else {
                names.add(channel);
                via = prefix + " (channel name)";
            }
            for (String t : names) {
                uses.add(new TopicUse(service, via, t, incoming ? Use.READ : Use.WRITE));
            }
            if (attrs.containsKey("dead-letter-queue.topic")) {
                uses.add(new TopicUse(
                        service, prefix + "dead-letter-queue.topic", attrs.get("dead-letter-queue.topic"), Use.WRITE));
            } else if (incoming && "dead-letter-queue".equals(attrs.get("failure-strategy"))) {
                for (String t : names) {
                    uses.add(new TopicUse(
                            service,
                            prefix + "failure-strategy (SmallRye's default DLQ name)",
                            "dead-letter-topic-" + t,
                            Use.WRITE));
                }
            }
        });
        return uses;
    }

    /**
     * How many Kafka consumers one pod runs on a topic: the sum, over the incoming channels reading it,
     * of their {@code partitions} attribute (SmallRye's consumer count per channel, default 1).
     */
    public int consumersPerPod(String topic) {
        int total = 0;
        for (TopicUse use : topics()) {
            if (use.use() == Use.READ && use.topic().equals(topic) && use.key().startsWith("mp.messaging.incoming.")) {
                String prefix = use.key().substring(0, use.key().lastIndexOf('.') + 1);
                if (use.key().endsWith(" (channel name)")) {
                    prefix = use.key().substring(0, use.key().indexOf(' ') - 1);
                }
                total += Integer.parseInt(
                        props.getOrDefault(prefix + "partitions", "1").trim());
            }
        }
        return Math.max(total, 1);
    }

    /** The consumer group ids the service's incoming Kafka channels use. */
    public Set<String> consumerGroups() {
        Set<String> groups = new LinkedHashSet<>();
        String defaultGroup =
                get("kafka.group.id").or(() -> get("quarkus.application.name")).orElse(service);
        Map<String, String> perChannel = new LinkedHashMap<>();
        Set<String> incoming = new LinkedHashSet<>();
        props.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches() && m.group(1).equals("incoming")) {
                String channel = m.group(2).replace("\"", "");
                incoming.add(channel);
                if (m.group(3).equals("group.id")) {
                    perChannel.put(channel, value);
                }
            }
        });
        for (String channel : incoming) {
            if (!"smallrye-kafka"
                    .equals(props.getOrDefault(
                            "mp.messaging.incoming." + quoteIfNeeded(channel) + ".connector", "smallrye-kafka"))) {
                continue;
            }
            groups.add(perChannel.getOrDefault(channel, defaultGroup));
        }
        return groups;
    }

    private static String quoteIfNeeded(String channel) {
        return channel.contains(".") ? "\"" + channel + "\"" : channel;
    }

    private static boolean isTopicKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("topic") || last.equals("topics") || last.endsWith("-topic") || last.endsWith("-topics");
    }
}
