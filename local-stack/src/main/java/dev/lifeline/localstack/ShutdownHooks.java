package dev.lifeline.localstack;

/**
 * Servers started here must not outlive the JVM (child processes would otherwise keep ports and
 * data dirs busy), even when a test or developer forgets to stop them.
 */
final class ShutdownHooks {

    private ShutdownHooks() {}

    static Thread add(String name, Runnable action) {
        Thread hook = new Thread(action, "lifeline-shutdown-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook) {
        if (hook == null || hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; stopping twice is harmless
        }
    }
}
