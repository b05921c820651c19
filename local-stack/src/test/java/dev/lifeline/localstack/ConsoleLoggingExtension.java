package dev.lifeline.localstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Lets this module's tests show the broker's warnings and errors (registered via ServiceLoader). */
public class ConsoleLoggingExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ConsoleLogging.install();
    }
}
