package dev.lifeline.reliability;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.nio.file.Path;

/** Prints the suite's results and writes them to {@code target/reliability-results.txt} when the run ends. */
public final class ResultsTable implements TestExecutionListener {

    static final Path FILE = Path.of("target", "reliability-results.txt");

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Results.write(FILE);
        System.out.println(
                "\n=== Lifeline reliability results (" + FILE.toAbsolutePath() + ") ===\n" + Results.table());
    }
}
