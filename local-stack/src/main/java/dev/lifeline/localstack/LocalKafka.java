package dev.lifeline.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node KRaft broker (broker and controller in one) inside this JVM.
 * <p>
 * The client and controller ports and the log dir are fixed for the life of this object, so
 * {@link #restart()} brings back the same broker with the same data: clients that buffered records
 * while it was down deliver them once it is back.
 */
public final class LocalKafka {

    public static final int DEFAULT_PARTITIONS = 3;

    private static final System.Logger LOG = System.getLogger(LocalKafka.class.getName());
    private static final String HOST = "127.0.0.1";

    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final Path logDir;
    private final String clusterId;
    private EmbeddedKafkaBroker broker;

    private LocalKafka(int port, Path logDir, boolean ownsLogDir, int partitions) {
        this.port = port;
        this.controllerPort = FreePort.pick();
        this.partitions = partitions;
        this.logDir = logDir;
        this.clusterId = existingClusterId(logDir);
        ShutdownHooks.add("kafka-" + port, () -> {
            stop();
            if (ownsLogDir) {
                Dirs.deleteQuietly(logDir);
            }
        });
    }

    /** A broker on {@code port} (0 = any free port) with a scratch log dir removed when the JVM exits. */
    public static LocalKafka start(int port) {
        return start(port, null, DEFAULT_PARTITIONS);
    }

    public static LocalKafka start(int port, int partitions) {
        return start(port, null, partitions);
    }

    /** A broker whose data survive this JVM: records and offsets are still there on the next start. */
    public static LocalKafka start(int port, Path logDir) {
        return start(port, logDir, DEFAULT_PARTITIONS);
    }

    /**
     * @param logDir where the broker keeps its data, kept after exit; {@code null} for a scratch dir
     * @param partitions partitions of auto-created topics
     */
    public static LocalKafka start(int port, Path logDir, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        boolean scratch = logDir == null;
        Path dir = scratch ? Dirs.temp("lifeline-kafka-") : Dirs.ensure(logDir);
        LocalKafka kafka = new LocalKafka(FreePort.orPick(port), dir, scratch, partitions);
        try {
            kafka.startBroker();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return kafka;
    }

    /** {@code host:port}, without a listener prefix, as both Kafka clients and Quarkus expect. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    /** Shuts the broker down cleanly; its data stay on disk for {@link #restart()}. Idempotent. */
    public synchronized void stop() {
        if (broker == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            broker.close();
        } finally {
            broker = null;
        }
        LOG.log(
                Level.DEBUG,
                "Kafka on {0} stopped in {1} ms",
                bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Stops the broker if running and starts it again on the same port with the same log dir. */
    public synchronized void restart() {
        stop();
        startBroker();
    }

    private synchronized void startBroker() {
        if (broker != null) {
            return;
        }
        QuietLogs.apply();
        long t0 = System.nanoTime();
        broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost(HOST)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                // the whole point of restart(): the same data come back
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(this::brokerProperties)
                .start();
        LOG.log(
                Level.INFO,
                "Kafka (KRaft) on {0} started in {1} ms",
                bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void brokerProperties(Properties props) {
        props.put("log.dir", logDir.toString());
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", Integer.toString(partitions));
        // a single node can hold one replica only
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions: faster first start on a small machine
        props.put("offsets.topic.num.partitions", "5");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Without a controlled shutdown the node's registration stays unfenced in the metadata log and
        // the restarted node waits out the old session (9 s) before it may register again.
        props.put("controlled.shutdown.enable", "true");
    }

    /** A formatted log dir keeps its cluster id; formatting it again under another id would fail. */
    private static String existingClusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(meta)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = props.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    @Override
    public String toString() {
        return "LocalKafka[" + bootstrapServers() + "]";
    }
}
