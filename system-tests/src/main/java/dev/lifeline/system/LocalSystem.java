package dev.lifeline.system;

import dev.lifeline.localstack.LocalRun;
import dev.lifeline.localstack.simulator.PlatformSimulator;

/**
 * The whole system on a developer's machine: the platform simulator that the monitor's local defaults watch, then
 * {@link LocalRun} (broker, database, mail catcher and the three services) until Ctrl-C.
 */
public final class LocalSystem {

    private LocalSystem() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("lifeline.simulator.port", 8084);
        PlatformSimulator simulator = PlatformSimulator.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "platform-simulator-stop"));
        System.out.println("Platform simulator on " + simulator.baseUrl());
        LocalRun.main(args);
    }
}
