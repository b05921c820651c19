package dev.lifeline.outreach.bench;

import dev.lifeline.events.Topics;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.lifeline.outreach.bench.BenchSupport.pct;

/**
 * The outage storm: 1,000 businesses with a campaign on the same platform (one with 100,000 contacts, 999 with 100)
 * and one {@code outage.started}. Run with one outreach instance, then with two sharing the database and the broker.
 * The sink tells businesses apart by the recipient ({@code s<run>b<business>-<i>@example.com}). Prints a table.
 *
 * <pre>./mvnw -pl outreach-service -am -Pbench verify -Dbench.scenario=storm</pre>
 * (-Dbench.storm.businesses=1000, -Dbench.storm.big=100000, -Dbench.storm.small=100; -Dbench.storm.instances=1
 * skips the run with two instances)
 */
final class StormBenchmark {

    private StormBenchmark() {}

    /** What the sink saw of one storm: per business the first and last accept, and every recipient's count. */
    private static final class Tally {
        final Map<String, long[]> firstLast = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> bigPerSecond = new ConcurrentHashMap<>();
        final AtomicLong accepted = new AtomicLong();
        final String prefix;
        final String big;

        Tally(String prefix, String big) {
            this.prefix = prefix;
            this.big = big;
        }

        void accept(String recipient, long nanos) {
            if (!recipient.startsWith(prefix)) {
                return;
            }
            String business = recipient.substring(0, recipient.indexOf('-'));
            firstLast.compute(
                    business,
                    (b, fl) -> fl == null
                            ? new long[] {nanos, nanos}
                            : new long[] {Math.min(fl[0], nanos), Math.max(fl[1], nanos)});
            perRecipient.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
            if (business.equals(big)) {
                bigPerSecond
                        .computeIfAbsent(nanos / 1_000_000_000L, s -> new AtomicInteger())
                        .incrementAndGet();
            }
            accepted.incrementAndGet();
        }
    }

    static void run() throws Exception {
        int businesses = Integer.getInteger("bench.storm.businesses", 1000);
        int bigSize = Integer.getInteger("bench.storm.big", 100_000);
        int smallSize = Integer.getInteger("bench.storm.small", 100);
        List<String[]> rows = new ArrayList<>();

        LocalStack stack = LocalStack.start(LocalStack.Ports.random());
        SmtpSink sink = new SmtpSink();
        double raw = RawSmtpClient.measure(sink.port(), 16, 40_000);
        rows.add(new String[] {"raw SMTP sink acceptance (16 conns, 40,000 msgs)", String.format("%,.0f msg/s", raw)});
        rows.add(new String[] {
            "storm",
            String.format(
                    "%,d businesses: 1 × %,d contacts + %,d × %,d, one outage.started",
                    businesses, bigSize, businesses - 1, smallSize)
        });
        Map<String, String> config = stack.quarkusConfig("outreach");
        KafkaCompanion kafka = new KafkaCompanion(stack.kafka().bootstrapServers());
        String loadBefore = BenchSupport.loadAverage();

        // One instance with a generous per-business rate; then two instances with a rate the big business reaches.
        storm(rows, "1 instance", 1, 5000, stack, sink, kafka, config, "s1", businesses, bigSize, smallSize, raw);
        // The first storm's table already, in case the second one does not get to the end.
        BenchSupport.printTable(rows);
        if (Integer.getInteger("bench.storm.instances", 2) < 2) {
            stack.stop();
            return;
        }
        storm(rows, "2 instances", 2, 2000, stack, sink, kafka, config, "s2", businesses, bigSize, smallSize, raw);

        rows.add(new String[] {"cores", Integer.toString(Runtime.getRuntime().availableProcessors())});
        rows.add(new String[] {
            "load average (1/5/15 min) at start / end", loadBefore + " / " + BenchSupport.loadAverage()
        });
        sink.close();
        stack.stop();
        BenchSupport.printTable(rows);
    }

    private static void storm(
            List<String[]> rows,
            String label,
            int instances,
            int tenantRate,
            LocalStack stack,
            SmtpSink sink,
            KafkaCompanion kafka,
            Map<String, String> config,
            String run,
            int businesses,
            int bigSize,
            int smallSize,
            double raw)
            throws Exception {
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("lifeline.limits.tenant-per-second", Integer.toString(tenantRate));
        limits.put("lifeline.limits.email-per-second", "100000");
        List<BenchSupport.Service> services = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            services.add(BenchSupport.launch("outreach-" + run + "-" + i, config, sink.port(), limits));
        }
        String base = services.get(0).base;
        String jdbc = config.get("quarkus.datasource.jdbc.url");
        String platform = "custom-storm-" + run;
        String big = run + "b0";
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < businesses; b++) {
            keys.add(BenchSupport.tenant(kafka, run + "-t" + b));
        }
        long setup = System.nanoTime();
        for (int b = 0; b < businesses; b++) {
            BenchSupport.awaitKey(base, keys.get(b));
            BenchSupport.campaign(base, keys.get(b), platform);
            BenchSupport.insertContacts(jdbc, config, run + "-t" + b, run + "b" + b, b == 0 ? bigSize : smallSize);
        }
        int total = bigSize + (businesses - 1) * smallSize;
        System.out.printf(
                "%s: %,d businesses, %,d contacts set up in %.1f s%n",
                label, businesses, total, (System.nanoTime() - setup) / 1e9);

        Tally tally = new Tally(run + "b", big);
        sink.onAccept = tally::accept;
        double[] cpu0 = services.stream()
                .mapToDouble(s -> BenchSupport.cpuSeconds(s.pid()))
                .toArray();
        long t0 = System.nanoTime();
        TestBus.send(
                kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("storm-" + run + "-" + System.nanoTime(), platform));
        long lastProgress = System.nanoTime();
        long lastCount = 0;
        while (tally.perRecipient.size() < total) {
            long c = tally.accepted.get();
            if (c != lastCount) {
                lastCount = c;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > 120_000_000_000L) {
                System.out.printf("%s: no progress for 120 s at %,d/%,d%n", label, tally.perRecipient.size(), total);
                break;
            }
            Thread.sleep(20);
        }
        long end =
                tally.firstLast.values().stream().mapToLong(fl -> fl[1]).max().orElse(t0);
        double seconds = (end - t0) / 1e9;
        sink.onAccept = null;

        List<Double> smallFirst = new ArrayList<>();
        List<Double> smallLast = new ArrayList<>();
        tally.firstLast.forEach((business, fl) -> {
            if (!business.equals(big)) {
                smallFirst.add((fl[0] - t0) / 1e9);
                smallLast.add((fl[1] - t0) / 1e9);
            }
        });
        Collections.sort(smallFirst);
        Collections.sort(smallLast);
        long twice =
                tally.perRecipient.values().stream().filter(c -> c.get() > 1).count();
        long[] bigFl = tally.firstLast.getOrDefault(big, new long[] {t0, t0});
        TreeMap<Long, AtomicInteger> bigSeconds = new TreeMap<>(tally.bigPerSecond);
        List<Integer> whole = bigSeconds.size() > 2
                ? bigSeconds.subMap(bigSeconds.firstKey(), false, bigSeconds.lastKey(), false).values().stream()
                        .map(AtomicInteger::get)
                        .toList()
                : List.of();
        double bigRate = whole.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
        double cpu = 0;
        for (int i = 0; i < services.size(); i++) {
            cpu += BenchSupport.cpuSeconds(services.get(i).pid()) - cpu0[i];
        }
        long peakRss = services.stream().mapToLong(s -> s.peakRssKb.get()).max().orElse(0);

        rows.add(new String[] {
            label + ": outage event → all accepted",
            String.format(
                    "%.1f s for %,d of %,d (%,.0f msg/s, %.0f%% of raw)",
                    seconds,
                    tally.perRecipient.size(),
                    total,
                    tally.perRecipient.size() / seconds,
                    100 * tally.perRecipient.size() / seconds / raw)
        });
        rows.add(new String[] {
            label + ": small business, event → first message p50 / p99 / max",
            String.format(
                    "%.2f s / %.2f s / %.2f s (%,d businesses)",
                    pct(smallFirst, 50),
                    pct(smallFirst, 99),
                    smallFirst.isEmpty() ? Double.NaN : smallFirst.get(smallFirst.size() - 1),
                    smallFirst.size())
        });
        rows.add(new String[] {
            label + ": small business, event → last message p50 / p99 / max",
            String.format(
                    "%.2f s / %.2f s / %.2f s",
                    pct(smallLast, 50),
                    pct(smallLast, 99),
                    smallLast.isEmpty() ? Double.NaN : smallLast.get(smallLast.size() - 1))
        });
        rows.add(new String[] {
            label + ": big business, event → first / last message",
            String.format("%.2f s / %.2f s", (bigFl[0] - t0) / 1e9, (bigFl[1] - t0) / 1e9)
        });
        rows.add(new String[] {
            label + ": big business rate over its whole seconds / configured",
            String.format("%,.0f msg/s / %,d msg/s (%.0f%%)", bigRate, tenantRate, 100 * bigRate / tenantRate)
        });
        rows.add(new String[] {label + ": recipients with more than one message", Long.toString(twice)});
        rows.add(new String[] {
            label + ": CPU of outreach (all instances) / peak RSS of one",
            String.format("%.1f s / %,d MB", cpu, peakRss / 1024)
        });
        for (BenchSupport.Service s : services) {
            s.stop();
        }
    }
}
