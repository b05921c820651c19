package dev.lifeline.outreach.campaign;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class TemplatesProducer {

    @Produces
    @Singleton
    MessageTemplates templates() {
        return new MessageTemplates();
    }
}
