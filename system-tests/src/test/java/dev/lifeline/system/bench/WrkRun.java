package dev.lifeline.system.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run against one URL (Debian's wrk), read back from its text report. */
final class WrkRun {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private WrkRun() {}

    static Result run(String url, String cookie, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "--timeout",
                "10s",
                "-H",
                "Cookie: " + cookie,
                url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + report);
        }
        return new Result(
                Double.parseDouble(find(RATE, report, "Requests/sec")),
                percentile(report, "50%"),
                percentile(report, "99%"),
                errors(report));
    }

    private static long errors(String report) {
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return errors;
    }

    /** A line of wrk's "Latency Distribution", e.g. {@code 99%   12.34ms}, in milliseconds. */
    private static double percentile(String report, String which) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)")
                .matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no " + which + " latency in wrk's report: " + report);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String report, String what) {
        Matcher m = pattern.matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in wrk's report: " + report);
        }
        return m.group(1);
    }

    /** The 1-minute load average, to print beside the figures (the machine is shared). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
